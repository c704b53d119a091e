package dev.larkspur.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against a Larkspur started in the test's JVM: one server per test run for
 * each distinct {@code seed}, {@code database} and {@code properties}, shared by every class that
 * asks for the same, and reset to the seed's state before each test method. Test and lifecycle
 * methods take a {@link Larkspur} parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LarkspurExtension.class)
public @interface LarkspurTest {
    /**
     * The seed, in the server's seed file format ({@code examples/seed.yaml}): {@code
     * classpath:some/seed.yaml} or a file path. Empty: a tenant with one bot app (long connection,
     * every IM scope, owned by alice) and the people alice, bob and carol.
     */
    String seed() default "";

    Database database() default Database.H2;

    /**
     * Extra server settings as {@code key=value} (Spring property names, e.g. {@code
     * larkspur.rate-limit.enabled=false}); they win over the kit's defaults.
     */
    String[] properties() default {};
}
