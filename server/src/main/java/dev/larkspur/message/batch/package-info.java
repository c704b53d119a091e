/**
 * Batch messages: the v4 {@code batch_send} to many people or departments, and the im/v1 calls
 * that recall, count and report a batch.
 */
package dev.larkspur.message.batch;
