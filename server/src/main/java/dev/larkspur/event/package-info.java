/**
 * Events: the outbox that services append domain events to in their own transaction, and their
 * rendering into Feishu's schema 2.0 envelope for one receiving app. Delivery (HTTP callback, long
 * connection) builds on this. {@link dev.larkspur.event.EventType} names every type once, with the
 * scopes an app needs to receive it; emitting modules give bodies as records ({@link
 * dev.larkspur.event.EventBody}).
 */
package dev.larkspur.event;
