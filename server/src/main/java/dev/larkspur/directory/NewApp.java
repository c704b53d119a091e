package dev.larkspur.directory;

import java.util.List;

/**
 * What it takes to register an app. {@code appId} and {@code appSecret} are fixed by seed files so
 * that a bot's configuration survives restarts; left null, they are generated. {@code scopes} null
 * means {@link Scopes#DEFAULT}.
 */
public record NewApp(String name, String appId, String appSecret, List<String> scopes, Boolean botEnabled) {}
