package dev.larkspur;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.regex.Pattern;

/**
 * Packages by feature (docs/architecture.md): a module's root package is its public surface; its
 * sub-packages ({@code internal}, {@code web} and the feature packages such as {@code message.pins})
 * are its own. Modules form no cycles, and {@code platform}, the shared kernel, depends on no other
 * module.
 */
@AnalyzeClasses(packages = "dev.larkspur", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {
    private static final Pattern MODULE = Pattern.compile("dev\\.larkspur\\.([a-z0-9]+)(\\..+)?");

    @ArchTest
    static final ArchRule otherModulesUseOnlyAModulesRootPackage = classes()
            .should(new ArchCondition<JavaClass>("reach another module only through its root package") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    String from = module(origin.getPackageName());
                    origin.getDirectDependenciesFromSelf().forEach(dependency -> {
                        var m = MODULE.matcher(dependency.getTargetClass().getPackageName());
                        if (m.matches() && m.group(2) != null && !m.group(1).equals(from)) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    });
                }
            });

    @ArchTest
    static final ArchRule modulesAreFreeOfCycles =
            slices().matching("dev.larkspur.(*)..").should().beFreeOfCycles();

    /**
     * Written as "nothing of ours outside platform" rather than a list of modules, so that a new
     * module (as {@code webhook} once was) cannot slip past it.
     */
    @ArchTest
    static final ArchRule platformDependsOnNoOtherModule = noClasses()
            .that()
            .resideInAPackage("dev.larkspur.platform..")
            .should()
            .dependOnClassesThat(
                    are(ourModules().and(DescribedPredicate.not(resideInAPackage("dev.larkspur.platform..")))));

    private static DescribedPredicate<JavaClass> ourModules() {
        return resideInAPackage("dev.larkspur.*..").as("a module of dev.larkspur");
    }

    private static String module(String packageName) {
        var m = MODULE.matcher(packageName);
        return m.matches() ? m.group(1) : "";
    }
}
