package dev.larkspur.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares what an {@code /open-apis} endpoint accepts: the token kinds and the scopes, any one of
 * which suffices (Feishu's "开启任一权限即可"). The auth module enforces it before the handler runs
 * and puts the {@link Caller} in the request.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ApiAccess {
    TokenType[] tokens() default {TokenType.TENANT};

    /** Any one of these; empty means no scope is needed. */
    String[] scopes() default {};
}
