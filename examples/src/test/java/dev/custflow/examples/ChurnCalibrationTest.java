package dev.custflow.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.dsl.SettingsFiles;
import dev.custflow.event.OrderPlaced;
import dev.custflow.model.Level;
import dev.custflow.settings.Settings;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Churn calibration on a small made-up history: what it learns, what it switches off, and the split. */
class ChurnCalibrationTest {
    @TempDir
    Path dir;

    private static OrderPlaced order(String customer, int n, String day, int amount) {
        String id = customer + "-o" + n;
        return OrderPlaced.of(id, Instant.parse(day + "T12:00:00Z"), id, customer, BigDecimal.valueOf(amount));
    }

    /**
     * 60 one-time buyers of February 1997 who never come back; 30 customers whose three orders in August shrink
     * and who all order again in 1998 (falling amounts: lift 0); 30 with two equal orders in July, of whom the
     * even ones come back. The history ends on 1998-06-30.
     */
    private static List<OrderPlaced> history() {
        List<OrderPlaced> orders = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            orders.add(order("once" + i, 1, "1997-02-" + String.format("%02d", 1 + i % 28), 20));
        }
        for (int i = 0; i < 30; i++) {
            orders.add(order("shrinking" + i, 1, "1997-08-01", 100));
            orders.add(order("shrinking" + i, 2, "1997-08-10", 80));
            orders.add(order("shrinking" + i, 3, "1997-08-20", 60));
            orders.add(order("shrinking" + i, 4, "1998-03-01", 50));
        }
        for (int i = 0; i < 30; i++) {
            orders.add(order("twice" + i, 1, "1997-07-01", 30));
            orders.add(order("twice" + i, 2, "1997-07-15", 30));
            if (i % 2 == 0) {
                orders.add(order("twice" + i, 3, "1998-01-15", 30));
            }
        }
        orders.add(order("last", 1, "1998-06-30", 10));
        return orders;
    }

    private static ChurnCalibration calibration() {
        return ChurnCalibration.builder().seed(7).trainShare(0.5).bands(List.of(1, 2, 3)).minCustomers(5)
                .cutoff(LocalDate.parse("1997-09-30")).build();
    }

    /** Each run replays the history six times; the tests that read one share it. */
    private static ChurnCalibration.Result seven;
    private static final RecordedProgress PROGRESS = new RecordedProgress();

    private static synchronized ChurnCalibration.Result seven() {
        if (seven == null) {
            seven = ChurnCalibration.builder().seed(7).trainShare(0.5).bands(List.of(1, 2, 3)).minCustomers(5)
                    .cutoff(LocalDate.parse("1997-09-30")).progress(PROGRESS).build().run(history(), "made up");
        }
        return seven;
    }

    @Test
    void progress_countsEveryReplayOfTheMeasurements_upToItsTotal() {
        seven();
        // the learning share up to three times, the kept-apart share twice at each cutoff: more than the history
        assertThat(PROGRESS.total()).isGreaterThan(history().size());
        PROGRESS.assertRanTo(PROGRESS.total());
    }

    @Test
    void aCauseWithALiftBelowOne_isSwitchedOff_withTheFigureInTheFile() throws IOException {
        ChurnCalibration.Result r = seven();

        assertThat(r.off()).containsKey("AMOUNT_FALLING");
        assertThat(r.off().get("AMOUNT_FALLING").lift()).isZero();
        assertThat(r.settings().churn().offCauses()).contains("AMOUNT_FALLING");
        assertThat(r.toYaml()).contains("# AMOUNT_FALLING off: lift 0.00 on the calibration customers",
                "offCauses: [AMOUNT_FALLING");
        assertThat(r.learning().row("AMOUNT_FALLING").flagged()).as("off in the written settings").isZero();
        Path file = Files.writeString(dir.resolve("churn.yaml"), r.toYaml(), StandardCharsets.UTF_8);
        assertThat(SettingsFiles.load(file, Settings.ofDefaults())).as("the file reads back as measured")
                .isEqualTo(r.settings());
    }

    @Test
    void oneTimeBuyersSilentSinceFebruary_areTheHighRisk_measuredByTheEngineOnTheOthers() {
        ChurnCalibration.Result r = seven();

        ChurnCalibration.Band once = r.bands().get(0);
        assertThat(once.fromOrders()).isEqualTo(1);
        assertThat(once.longLevel()).isEqualTo(Level.HIGH);
        assertThat(once.longNoOrderDays()).as("the shortest silence of a one-time buyer at the cutoff, 213 days")
                .isBetween(200, 240);
        assertThat(r.settings().churn().longNoOrderDays(1)).isEqualTo(once.longNoOrderDays());
        // the engine's own warnings, on the customers kept apart: the one-time buyers (all gone) alone are 80 % of
        // those who left, so reaching 80 % with a margin takes in the two-order customers too (half of them gone)
        assertThat(r.keptApart().row("level HIGH").recall()).isGreaterThanOrEqualTo(0.8);
        assertThat(r.keptApart().row("level HIGH").precision()).isBetween(0.8, 1.0);
        assertThat(r.keptApart().row("level HIGH").lift()).isGreaterThan(1.0);
        assertThat(r.toText()).contains("made up", "learned on 60 (50 %, seed 7)",
                "clock stopped at a later cutoff (not learned from): the end of 1997-12-31");
    }

    @Test
    void theSplit_isTheSeeds_sameSeedSameFigures_otherSeedOtherCustomers() {
        ChurnCalibration.Result a = seven();
        ChurnCalibration.Result b = calibration().run(history(), "made up");
        ChurnCalibration.Result c = ChurnCalibration.builder().seed(8).trainShare(0.5).bands(List.of(1, 2, 3))
                .minCustomers(5).cutoff(LocalDate.parse("1997-09-30")).build().run(history(), "made up");

        assertThat(a.customers()).isEqualTo(120);
        assertThat(a.trainCustomers()).isEqualTo(60);
        assertThat(a.keptApart().customers()).isEqualTo(60);
        assertThat(b.toYaml()).isEqualTo(a.toYaml());
        assertThat(b.keptApart()).isEqualTo(a.keptApart());
        assertThat(c.keptApart().churned()).as("another seed keeps other customers apart")
                .isNotEqualTo(a.keptApart().churned());
    }

    @Test
    void badOptions_andCutoffsOutsideTheHistory_saySo() {
        assertThatThrownBy(() -> ChurnCalibration.builder().bands(List.of(2, 4)))
                .hasMessageContaining("must start at 1 (one-time buyers)");
        assertThatThrownBy(() -> ChurnCalibration.builder().bands(List.of(1, 4, 4)))
                .hasMessageContaining("must rise");
        assertThatThrownBy(() -> ChurnCalibration.builder().trainShare(1.0))
                .hasMessageContaining("above 0 and below 1");
        assertThatThrownBy(() -> ChurnCalibration.builder().cutoff(LocalDate.parse("1998-06-30")).build()
                .run(history(), "made up")).hasMessageContaining("must fall in order inside the history");
    }
}
