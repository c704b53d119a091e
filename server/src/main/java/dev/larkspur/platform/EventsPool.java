package dev.larkspur.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Marks the database pool of the event workers (fan-out, delivery, their bookkeeping): a {@code
 * DataSource}, {@code JdbcClient} and {@code TransactionTemplate} of their own, so that a burst of
 * requests cannot starve deliveries of connections, nor deliveries the requests. Unqualified, the
 * same types are the request pool's. {@code larkspur.db.pool-size} and {@code
 * larkspur.db.events-pool-size} size the two.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Qualifier
public @interface EventsPool {}
