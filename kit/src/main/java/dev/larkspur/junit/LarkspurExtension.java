package dev.larkspur.junit;

import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link LarkspurTest}: finds (or starts) the run's server for the class's
 * settings, resets it to the seed before the class and before each test, and hands out {@link
 * Larkspur}. Classes that share a server must not run in parallel: a reset is for everyone.
 */
public final class LarkspurExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(LarkspurExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        var settings = settings(context.getRequiredTestClass());
        if (database(settings) != settings.database()
                && database(settings) == Database.POSTGRESQL
                && !PostgresSchema.required()) {
            Assumptions.assumeTrue(
                    PostgresSchema.reachable(), "LARKSPUR_TEST_DATABASE=POSTGRESQL, and no PostgreSQL answers");
        }
        larkspur(context).reset();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        larkspur(context).reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Larkspur.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
            throws ParameterResolutionException {
        return larkspur(context);
    }

    @SuppressWarnings("deprecation") // getOrComputeIfAbsent: the one of JUnit 5 and 6 alike.
    private static Larkspur larkspur(ExtensionContext context) {
        var settings = settings(context.getRequiredTestClass());
        var seed = Seed.load(settings.seed());
        var database = database(settings);
        String key = EmbeddedLarkspur.key(seed, database, settings.properties());
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        key, k -> EmbeddedLarkspur.start(seed, database, settings.properties()), EmbeddedLarkspur.class)
                .handle();
    }

    /**
     * The annotation's database, unless {@code LARKSPUR_TEST_DATABASE} (a system property or an
     * environment variable: {@code H2} or {@code POSTGRESQL}) names another for every class: so a
     * build can run one bot suite on both databases (examples/pom.xml does) without a copy of each
     * class. A class switched to PostgreSQL this way is skipped when none answers, unless {@code
     * LARKSPUR_REQUIRE_POSTGRES=true}.
     */
    static Database database(LarkspurTest settings) {
        String named = System.getProperty("LARKSPUR_TEST_DATABASE", System.getenv("LARKSPUR_TEST_DATABASE"));
        return named == null || named.isBlank()
                ? settings.database()
                : Database.valueOf(named.trim().toUpperCase(java.util.Locale.ROOT));
    }

    /** The class's {@link LarkspurTest}, or that of a class enclosing it ({@code @Nested}). */
    private static LarkspurTest settings(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            Optional<LarkspurTest> found = AnnotationSupport.findAnnotation(c, LarkspurTest.class);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new IllegalStateException(testClass + " uses the Larkspur extension without @LarkspurTest");
    }
}
