package dev.custflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.examples.TestData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The example of docs/whatif.md on the real CDNOW history (../shared/data/cdnow beside the project,
 * or {@code -Dcustflow.data=DIR}): the numbers the document quotes. Skipped with a message where the
 * data is not there.
 */
class WhatIfRealDataTest {

    private static Path cdnowFolder() {
        return TestData.sharedOrSkip("cdnow", WhatIfRealDataTest.class);
    }

    @Test
    void theDocumentedExample_givesTheDocumentedNumbers() {
        Path folder = cdnowFolder();
        // the project root: Maven runs the tests in the module's folder
        Path example = Path.of("../docs/examples/whatif-churn");

        Main.Result run = Main.capture("whatif", "--rules", example.toString(), "--cdnow", folder.toString(), "-q");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains(
                "setting churn.longNoOrderDays: 90 -> 60",
                "70,205 events accepted, 0 rejected, 0 duplicates",
                "actions: base 390,467, proposed 399,743",
                "What would change: 41,049 actions added, 31,773 removed, for 23,519 customers",
                "NO_ORDER_LONG: the change adds 5,041 warnings, 97.1 % of them for customers who ordered again "
                        + "within 30 days; drops none; 31,773 warnings only move to another day.")
                .containsPattern("churn: no order for a long time +31,773 +36,814 +\\+36,814 +-31,773")
                .containsPattern("churn: an order clears no order for a long time +11,504 +15,739 +\\+4,235 +0");
    }

    @Test
    void theDocumentedSweep_givesTheDocumentedNumbers_twoOfItsLines() {
        Main.Result run = Main.capture("whatif", "--cdnow", cdnowFolder().toString(), "--churn-sweep",
                "longNoOrderDays=90..180/90", "-q");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("outcome to the end of 1998-06-30: 23,570 customers, 70.1 % did not order again",
                        "                90          604.1       19,375     78.8 %   92.5 %   1.12",
                        "               180          439.2       16,321     83.7 %   82.7 %   1.19");
    }
}
