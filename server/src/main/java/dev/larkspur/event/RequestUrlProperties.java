package dev.larkspur.event;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which hosts a request URL may reach ({@link RequestUrlPolicy}). Public addresses always;
 * loopback, private and link-local ones only when allowed here, so that a bot's settings cannot
 * point the server at itself, its neighbours or a cloud metadata endpoint. {@code allowLoopback}
 * unset means: allowed with the embedded H2 database (one machine, where local bots are the point),
 * refused with PostgreSQL (a shared server, where loopback reaches the server's own neighbours).
 */
@ConfigurationProperties("larkspur.events.request-url")
public record RequestUrlProperties(
        Boolean allowLoopback,
        @DefaultValue("false") boolean allowPrivate,
        @DefaultValue("false") boolean allowLinkLocal) {}
