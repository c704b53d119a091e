package dev.larkspur.directory;

/** Published when an app's name, bot ability or scopes change, for those who keep a copy of it. */
public record AppChanged(String appId) {}
