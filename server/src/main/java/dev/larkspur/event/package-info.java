/**
 * Events: the outbox that services append domain events to in their own transaction, and their
 * rendering into Feishu's schema 2.0 envelope for one receiving app. Delivery (HTTP callback, long
 * connection) builds on this.
 */
package dev.larkspur.event;
