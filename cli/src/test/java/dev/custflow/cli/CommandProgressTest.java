package dev.custflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The bar of whatif and calibrate: events replayed out of the run's total, named in the reader's language, drawn
 * only where a console is given (the commands give one only on a terminal, as replay does).
 */
class CommandProgressTest {

    private static String drawn(String taskKey, Locale locale) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (CommandProgress p = CommandProgress.of(taskKey, locale,
                new PrintStream(console, true, StandardCharsets.UTF_8))) {
            p.reached(600, 4_000);
            p.reached(4_000, 4_000);
        }
        return console.toString(StandardCharsets.UTF_8);
    }

    @Test
    void onAConsole_theBarNamesTheTask_andReachesTheTotal_inEnglish() {
        assertThat(drawn("progress.whatif", Locale.ENGLISH)).contains("custflow whatif: both rule sets")
                .contains("4000/4000 events");
        assertThat(drawn("progress.calibrate", Locale.ENGLISH)).contains("custflow calibrate: measuring");
        assertThat(drawn("progress.sweep", Locale.ENGLISH)).contains("custflow whatif: each value");
        assertThat(drawn("progress.demo", Locale.ENGLISH)).contains("custflow demo: measuring against what happened");
    }

    @Test
    void onAConsole_theBarIsInChinese_withLocaleZhCn() {
        assertThat(drawn("progress.whatif", Locale.SIMPLIFIED_CHINESE)).contains("custflow whatif：两套规则")
                .contains("4000/4000 个事件");
        assertThat(drawn("progress.calibrate", Locale.SIMPLIFIED_CHINESE)).contains("custflow calibrate：测量中");
        assertThat(drawn("progress.demo", Locale.SIMPLIFIED_CHINESE)).contains("custflow demo：与实际结果对照");
    }

    @Test
    void withoutAConsole_nothingIsDrawn_andReportsAreHarmless() {
        try (CommandProgress p = CommandProgress.of("progress.whatif", Locale.ENGLISH, null)) {
            p.reached(1, 2);
            p.reached(2, 2);
        }
        assertThat(CommandProgress.console(true)).as("--quiet never draws").isNull();
    }

    @Test
    void aReportAfterClose_drawsNoSecondBar() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        CommandProgress p = CommandProgress.of("progress.whatif", Locale.ENGLISH,
                new PrintStream(console, true, StandardCharsets.UTF_8));
        p.reached(10, 10);
        p.close();
        int length = console.size();
        p.reached(10, 10);
        p.close();
        assertThat(console.size()).isEqualTo(length);
    }

    @Test
    void capturedRuns_ofWhatifAndCalibrate_haveNoBarOnStandardError() {
        // the tests' standard error is no terminal: the commands draw nothing, as replay draws nothing
        Main.Result whatif = Main.captureWith(null, "whatif", "--rules", "../docs/examples/guide", "--events",
                "../docs/examples/retention.jsonl");
        assertThat(whatif.code()).as(whatif.err()).isZero();
        assertThat(whatif.err()).doesNotContain("both rule sets").contains("custflow whatif: ");
        assertThat(whatif.out()).doesNotContain("both rule sets");
    }
}
