package dev.larkspur.auth;

/** A token handed out, with the seconds it has left: what the auth endpoints call {@code expire}. */
public record TokenGrant(String token, int expire) {}
