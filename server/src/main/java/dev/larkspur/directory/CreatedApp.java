package dev.larkspur.directory;

/** An app just registered, with the one moment its plain secret is known. */
public record CreatedApp(App app, String appSecret) {}
