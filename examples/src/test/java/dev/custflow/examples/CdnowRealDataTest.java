package dev.custflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.model.Stage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The demo on the real CDNOW purchase history (../shared/data/cdnow beside the project, or
 * {@code -Dcustflow.data=DIR}); skipped with a message where the data is not there.
 */
class CdnowRealDataTest {

    private static Path cdnowFolder() {
        return TestData.sharedOrSkip("cdnow", CdnowRealDataTest.class);
    }

    @Test
    void theWholeFileLoads_asDocumented() throws IOException {
        CdnowHistory history = CdnowHistory.load(cdnowFolder());

        // the data set's README: 69,659 purchases by 23,570 customers, January 1997 to June 1998
        assertThat(history.purchaseCount()).isEqualTo(69_659);
        assertThat(history.customerCount()).isEqualTo(23_570);
        assertThat(history.from()).isEqualTo(Instant.parse("1997-01-01T00:00:00Z"));
        assertThat(history.to()).isEqualTo(Instant.parse("1998-07-01T00:00:00Z"));
    }

    @Test
    void theDemoRunsEveryPurchase_andEveryBuyerEndsInABuyingStage() throws IOException {
        CdnowHistory history = CdnowHistory.load(cdnowFolder());
        DemoReport report = Demo.builder().partitions(2).build().run(history);

        assertThat(report.rejected()).as("rejections: %s", report.rejections()).isZero();
        assertThat(report.accepted()).isEqualTo(69_659 + 546); // and a tick each midnight from 1997-01-02 to 1998-07-01
        assertThat(report.customers()).isEqualTo(23_570);
        assertThat(report.everInStage()).containsEntry(Stage.CUSTOMER, 23_570).containsEntry(Stage.LEAD, 0);
        assertThat(report.customersPerStage()).allSatisfy((stage, n) -> {
            if (!Set.of(Stage.CUSTOMER, Stage.LOYAL, Stage.DORMANT).contains(stage)) {
                assertThat(n).as(stage.name()).isZero();
            }
        });
        // most of the cohort bought once and went quiet; the literature's story of this data set
        assertThat(report.customersPerStage().get(Stage.DORMANT)).isGreaterThan(23_570 / 2);
        assertThat(report.customersPerStage().get(Stage.LOYAL)).isPositive();
    }
}
