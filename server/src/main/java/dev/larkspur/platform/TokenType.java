package dev.larkspur.platform;

/** The kinds of access token an endpoint may accept: {@code t-…} tenant and {@code u-…} user. */
public enum TokenType {
    TENANT,
    USER
}
