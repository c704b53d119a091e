package dev.larkspur.directory;

import java.util.List;

/** A partial update of an app: null fields stay as they are. */
public record AppChanges(String name, List<String> scopes, Boolean botEnabled) {}
