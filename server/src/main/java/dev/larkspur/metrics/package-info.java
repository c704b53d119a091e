/**
 * Operators' metrics and health: Micrometer meters for the Open API, sends, events and long
 * connections, gauges refreshed in the background, and the actuator's Prometheus and health
 * endpoints at {@code /admin/metrics} and {@code /admin/health}, behind the admin token.
 */
package dev.larkspur.metrics;
