package dev.larkspur.junit;

/** An app of the seed, with its plain secret, as a bot's configuration would hold it. */
public record SeededApp(String appId, String appSecret, String tenantKey) {}
