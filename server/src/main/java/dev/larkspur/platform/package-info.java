/**
 * What every Feishu endpoint shares: the {@code {code,msg,data}} envelope and Feishu error codes,
 * log ids, id generation, the clock, rate limits, idempotent requests by {@code uuid}, the data
 * directory and database wiring, and the "not supported" answer for Feishu APIs that Larkspur does
 * not serve.
 */
package dev.larkspur.platform;
