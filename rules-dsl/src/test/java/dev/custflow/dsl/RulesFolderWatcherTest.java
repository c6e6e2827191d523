package dev.custflow.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.ReloadResult;
import dev.custflow.RulePack;
import dev.custflow.RuleSource;
import dev.custflow.action.Action;
import dev.custflow.action.TaskCreated;
import dev.custflow.event.OrderPlaced;
import dev.custflow.settings.Settings;
import dev.custflow.testdata.ReloadRules;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rules folder reloaded into a running engine when it changes (issue 8, item 7). */
class RulesFolderWatcherTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private int orders;

    /** Writes a file whole: a new name appears with its content, as an editor's safe save does. */
    private void write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Path tmp = f.resolveSibling(f.getFileName() + ".part"); // not a rule file: the watcher ignores it
        Files.writeString(tmp, text);
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void write(RuleSource s) throws IOException {
        write(s.name(), s.text());
    }

    private Engine engine() {
        RulesFolder folder = RulesFolder.load(dir);
        return Custflow.builder().packs(RulePack.LIFECYCLE).rules(folder.sources())
                .settings(folder.settingsOver(Settings.ofDefaults())).build();
    }

    /** @return the rules of the marker tasks one more order causes */
    private List<String> markerRulesOfAnOrder(Engine e) {
        int n = orders++;
        List<Action> actions = e.accept(OrderPlaced.of("e" + n, T0.plusSeconds(n), "o" + n, "C1", BigDecimal.TEN));
        return actions.stream().filter(a -> a instanceof TaskCreated && a.rule().startsWith("marker:"))
                .map(Action::rule).toList();
    }

    @Test
    void reloadNow_afterARuleFileChanged_runsTheNewRules_andAnUnchangedFolderIsUnchanged() throws IOException {
        write(ReloadRules.marker(1));
        try (Engine e = engine(); RulesFolderWatcher w = RulesFolderWatcher.builder(e, dir).onDemand()) {
            assertThat(markerRulesOfAnOrder(e)).containsExactly("marker: v1 notes every order");
            Files.delete(dir.resolve(ReloadRules.marker(1).name()));
            write(ReloadRules.marker(2));

            assertThat(w.reloadNow().status()).isEqualTo(ReloadResult.Status.APPLIED);
            assertThat(markerRulesOfAnOrder(e)).containsExactly("marker: v2 notes every order");
            assertThat(w.reloadNow().status()).isEqualTo(ReloadResult.Status.UNCHANGED);
            assertThat(e.customer("C1").orElseThrow().orderCount()).isEqualTo(2);
        }
    }

    @Test
    void aRuleFileThatDoesNotCompile_isReportedWithItsPlace_andTheOldRulesKeepRunning() throws IOException {
        write(ReloadRules.marker(1));
        BlockingQueue<ReloadResult> seen = new LinkedBlockingQueue<>();
        try (Engine e = engine(); RulesFolderWatcher w = RulesFolderWatcher.builder(e, dir).onResult(seen::add)
                .onDemand()) {
            write("more/" + ReloadRules.broken().name(), ReloadRules.broken().text());

            ReloadResult r = w.reloadNow();

            assertThat(r.status()).isEqualTo(ReloadResult.Status.REJECTED);
            assertThat(r.errors()).isNotEmpty().allSatisfy(m -> {
                assertThat(m.file()).isEqualTo("more/broken.drl");
                assertThat(m.line()).isEqualTo(8);
            });
            assertThat(seen).containsExactly(r);
            assertThat(markerRulesOfAnOrder(e)).containsExactly("marker: v1 notes every order");
        }
    }

    @Test
    void aSettingsFileWithAnError_isReportedWithFileAndLine_andAGoodOneApplies() throws IOException {
        try (Engine e = engine(); RulesFolderWatcher w = RulesFolderWatcher.builder(e, dir).onDemand()) {
            write("settings.yaml", "lifecycle:\n  loyalMinOrder: 3\n");

            ReloadResult bad = w.reloadNow();

            assertThat(bad.status()).isEqualTo(ReloadResult.Status.REJECTED);
            assertThat(bad.errors()).singleElement().satisfies(m -> {
                assertThat(m.file()).isEqualTo("settings.yaml");
                assertThat(m.line()).isEqualTo(2);
                assertThat(m.message()).contains("loyalMinOrder").contains("loyalMinOrders");
            });
            assertThat(e.settings()).isEqualTo(Settings.ofDefaults());

            write("settings.yaml", "lifecycle:\n  loyalMinOrders: 3\n");

            assertThat(w.reloadNow().status()).isEqualTo(ReloadResult.Status.APPLIED);
            assertThat(e.settings().lifecycle().loyalMinOrders()).isEqualTo(3);
        }
    }

    @Test
    void aFolderThatIsGone_isReported_andTheOldRulesKeepRunning() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Files.writeString(sub.resolve("m.drl"), ReloadRules.marker(1).text());
        RulesFolder folder = RulesFolder.load(sub);
        try (Engine e = Custflow.builder().packs(RulePack.LIFECYCLE).rules(folder.sources()).build();
             RulesFolderWatcher w = RulesFolderWatcher.builder(e, sub).onDemand()) {
            Files.delete(sub.resolve("m.drl"));
            Files.delete(sub);

            ReloadResult r = w.reloadNow();

            assertThat(r.status()).isEqualTo(ReloadResult.Status.REJECTED);
            assertThat(r.errors()).singleElement().satisfies(m -> assertThat(m.message())
                    .startsWith("cannot read the rules folder"));
            assertThat(markerRulesOfAnOrder(e)).containsExactly("marker: v1 notes every order");
        }
    }

    @Test
    void watching_reloadsWhenAFileIsSaved_alsoInANewSubfolder() throws Exception {
        BlockingQueue<ReloadResult> results = new LinkedBlockingQueue<>();
        try (Engine e = engine(); RulesFolderWatcher ignored = RulesFolderWatcher.builder(e, dir)
                .debounce(Duration.ofMillis(20)).onResult(results::add).start()) {
            write(ReloadRules.marker(1));
            awaitResult(results, r -> r.ruleNames().contains("marker: v1 notes every order"));
            assertThat(markerRulesOfAnOrder(e)).containsExactly("marker: v1 notes every order");

            Files.createDirectory(dir.resolve("team"));
            write("team/" + ReloadRules.marker(2).name(), ReloadRules.marker(2).text());
            awaitResult(results, r -> r.ruleNames().contains("marker: v2 notes every order"));
            assertThat(markerRulesOfAnOrder(e)).containsExactlyInAnyOrder("marker: v1 notes every order",
                    "marker: v2 notes every order");
        }
    }

    /** Waits for a reload result that satisfies {@code wanted}; the file system may report a save in steps. */
    private static void awaitResult(BlockingQueue<ReloadResult> results, Predicate<ReloadResult> wanted)
            throws InterruptedException {
        while (true) {
            ReloadResult r = results.poll(2, TimeUnit.MINUTES);
            assertThat(r).as("a reload after the change").isNotNull();
            if (r.applied() && wanted.test(r)) {
                return;
            }
        }
    }

    @Test
    void aWatcherOfSomethingThatIsNotAFolder_isRefused() {
        try (Engine e = Custflow.builder().packs(RulePack.LIFECYCLE).build()) {
            assertThatThrownBy(() -> RulesFolderWatcher.watch(e, dir.resolve("nope")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a folder of rules");
        }
    }
}
