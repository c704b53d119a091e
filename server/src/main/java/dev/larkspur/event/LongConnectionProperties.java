package dev.larkspur.event;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The long connection: the {@code ClientConfig} pushed to the SDKs (seconds; spec/protocols.md §4.3),
 * Feishu's cap of 50 connections per app, its 3 s wait for an ACK, how long a connection ticket
 * stays valid, how many connections this server holds in all (issue 14's 10,000; each idle one costs
 * some tens of kilobytes of heap, see bench/results/report.md; Tomcat's own connection cap in
 * application.yml sits above it), and how long an event of an app connected to no
 * instance waits before any instance takes it and records that the app is not online (the bench
 * lengthens it to hold a backlog until its client connects). Tests shorten the reconnect timings.
 */
@ConfigurationProperties("larkspur.long-connection")
public record LongConnectionProperties(
        @DefaultValue("120") int pingInterval,
        @DefaultValue("120") int reconnectInterval,
        @DefaultValue("30") int reconnectNonce,
        @DefaultValue("-1") int reconnectCount,
        @DefaultValue("50") int maxConnections,
        @DefaultValue("3s") Duration ackTimeout,
        @DefaultValue("60s") Duration ticketLifetime,
        @DefaultValue("10000") int maxTotalConnections,
        @DefaultValue("5s") Duration unclaimedGrace) {

    public LongConnectionProperties {
        // A zero or missing value makes the SDKs ping in a tight loop or die with an NPE (§4.3).
        if (pingInterval <= 0 || reconnectInterval <= 0 || reconnectNonce <= 0 || reconnectCount == 0) {
            throw new IllegalArgumentException("larkspur.long-connection intervals and count must be non-zero");
        }
        if (maxConnections <= 0) {
            throw new IllegalArgumentException("larkspur.long-connection.max-connections must be positive");
        }
        if (unclaimedGrace.isNegative()) {
            throw new IllegalArgumentException("larkspur.long-connection.unclaimed-grace must not be negative");
        }
        if (maxTotalConnections <= 0) {
            throw new IllegalArgumentException("larkspur.long-connection.max-total-connections must be positive");
        }
    }

    /** All four fields, every time: each SDK replaces its whole config with what it receives. */
    public Map<String, Integer> clientConfig() {
        var config = new LinkedHashMap<String, Integer>();
        config.put("ReconnectCount", reconnectCount);
        config.put("ReconnectInterval", reconnectInterval);
        config.put("ReconnectNonce", reconnectNonce);
        config.put("PingInterval", pingInterval);
        return config;
    }

    /** A connection that has not pinged for three intervals is dead (the SDKs never notice, §4.8). */
    public Duration silenceLimit() {
        return Duration.ofSeconds(3L * pingInterval);
    }
}
