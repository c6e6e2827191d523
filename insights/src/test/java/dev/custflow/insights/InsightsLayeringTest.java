package dev.custflow.insights;

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
 * The layering of the insights module (docs/design/architecture.md, "Packages and layers"): it builds on the engine's
 * API only, and its own API packages never reach into its internals.
 */
class InsightsLayeringTest {
    private static JavaClasses insights;

    @BeforeAll
    static void importInsights() {
        insights = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.custflow.insights");
    }

    @Test
    void insights_useTheEngineApiOnly() {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.custflow.internal..")
                .because("insights are built on what any host sees: events, actions and profiles")
                .allowEmptyShould(true)
                .check(insights);
    }

    /** The seams, as in rules-core: a builder creates the implementation it names. */
    private static final DescribedPredicate<JavaClass> ENTRY_POINTS = DescribedPredicate.describe(
            "the entry point KpiBookBuilder",
            c -> c.getName().startsWith("dev.custflow.insights.KpiBookBuilder"));

    @Test
    void apiPackages_neverDependOnInternals() {
        noClasses().that().resideOutsideOfPackage("dev.custflow.insights..internal..")
                .and(DescribedPredicate.not(ENTRY_POINTS))
                .should().dependOnClassesThat().resideInAPackage("dev.custflow.insights..internal..")
                .because("hosts see only the API; internals may change in any release")
                .allowEmptyShould(true)
                .check(insights);
    }

    @Test
    void packages_areFreeOfCycles() {
        slices().matching("dev.custflow.insights.(*)..").should().beFreeOfCycles()
                .allowEmptyShould(true).check(insights);
    }
}
