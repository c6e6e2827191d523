package dev.custflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of rules-core (docs/design/architecture.md, "Packages and layers"), checked on the compiled classes:
 * dependencies point down, API packages never reach into {@code internal}, and no two packages need each other.
 */
class LayeringTest {
    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.custflow");
    }

    /** The one seam: the builder creates the engine and Json reads and writes the JSON contract. */
    private static final DescribedPredicate<JavaClass> ENTRY_POINTS = DescribedPredicate.describe(
            "the entry points EngineBuilder and Json",
            c -> c.getName().startsWith("dev.custflow.EngineBuilder") || c.getName().startsWith("dev.custflow.Json"));

    @Test
    void apiPackages_neverDependOnInternals() {
        noClasses().that().resideOutsideOfPackage("dev.custflow.internal..")
                .and(DescribedPredicate.not(ENTRY_POINTS))
                .should().dependOnClassesThat().resideInAPackage("dev.custflow.internal..")
                .because("hosts and rule authors see only the API; internals may change in any release")
                .check(core);
    }

    @Test
    void packages_areFreeOfCycles() {
        slices().matching("dev.custflow.(*)..").should().beFreeOfCycles().check(core);
    }

    @Test
    void internalPackages_areFreeOfCycles() {
        slices().matching("dev.custflow.internal.(*)..").should().beFreeOfCycles().check(core);
    }

    @Test
    void theReadModel_dependsOnNoOtherLayer() {
        noClasses().that().resideInAPackage("dev.custflow.model..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.custflow.event..", "dev.custflow.action..",
                        "dev.custflow.settings..", "dev.custflow.spi..", "dev.custflow.rules..", "dev.custflow.internal..")
                .because("the fact model is the bottom layer rules read; events are folded into it by the engine")
                .check(core);
    }

    @Test
    void theBottomPackage_dependsOnNothingOfCustflow() {
        classes().that().resideInAPackage("dev.custflow.text..")
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("dev.custflow.model..", "dev.custflow.event..",
                        "dev.custflow.action..", "dev.custflow.settings..", "dev.custflow.spi..", "dev.custflow.internal..")
                .check(core);
    }
}
