package dev.larkspur.message;

import dev.larkspur.platform.Caller;

/**
 * Who added a reaction or pinned a message: a person ({@code kind} {@value #USER}, a user pk) or an
 * app ({@value #APP}, an app pk). A user token acts as its person, a tenant token as its app.
 */
public record Operator(String kind, long pk) {
    public static final String USER = "user";
    public static final String APP = "app";

    public static Operator of(Caller caller) {
        return caller.userPk() != null ? new Operator(USER, caller.userPk()) : new Operator(APP, caller.appPk());
    }

    public boolean isUser() {
        return USER.equals(kind);
    }
}
