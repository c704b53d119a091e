package dev.larkspur;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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
 * Packages by feature (DESIGN.md): a module's {@code internal} and {@code web} packages are its own;
 * other modules use only its top-level package. Modules form no cycles, and {@code platform}, the
 * shared kernel, depends on no feature module.
 */
@AnalyzeClasses(packages = "dev.larkspur", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {
    private static final Pattern MODULE = Pattern.compile("dev\\.larkspur\\.([a-z]+)(\\.(internal|web))?(\\..*)?");

    @ArchTest
    static final ArchRule internalsAndControllersStayInsideTheirModule = classes()
            .should(new ArchCondition<JavaClass>("reach only their own module's internal and web packages") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    String from = module(origin.getPackageName());
                    origin.getDirectDependenciesFromSelf().forEach(dependency -> {
                        var target = dependency.getTargetClass();
                        var m = MODULE.matcher(target.getPackageName());
                        if (m.matches() && m.group(3) != null && !m.group(1).equals(from)) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    });
                }
            });

    @ArchTest
    static final ArchRule modulesAreFreeOfCycles =
            slices().matching("dev.larkspur.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule platformDependsOnNoFeatureModule = noClasses()
            .that()
            .resideInAPackage("dev.larkspur.platform..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.larkspur.directory..",
                    "dev.larkspur.auth..",
                    "dev.larkspur.admin..",
                    "dev.larkspur.chat..",
                    "dev.larkspur.message..",
                    "dev.larkspur.media..",
                    "dev.larkspur.event..",
                    "dev.larkspur.fault..",
                    "dev.larkspur.metrics..");

    private static String module(String packageName) {
        var m = MODULE.matcher(packageName);
        return m.matches() ? m.group(1) : "";
    }
}
