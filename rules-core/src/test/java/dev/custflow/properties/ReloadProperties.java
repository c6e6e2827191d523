package dev.custflow.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.BatchResult;
import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.Json;
import dev.custflow.ReloadResult;
import dev.custflow.RuleSource;
import dev.custflow.action.Action;
import dev.custflow.action.TaskCreated;
import dev.custflow.event.Event;
import dev.custflow.event.OrderPlaced;
import dev.custflow.model.CustomerProfile;
import dev.custflow.testdata.ReloadRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Hot reload keeps the engine's promises: a reload between two batches loses no event, repeats none, and changes
 * what the rules decide from that point only. Stopping and starting a new engine would lose the customers' state,
 * so a reload is compared with the same engine not reloaded: a reload to rules that decide the same (another
 * content, the same rules) must give exactly the uninterrupted run, and a rule added by a reload must fire for
 * exactly the later events and change nothing else.
 */
class ReloadProperties {
    private static final RuleSource A = ReloadRules.marker(1);
    private static final RuleSource A_AGAIN = ReloadRules.withComment(A, "the same rule, another content hash");

    /** What a run produced: the actions as JSON, the profiles, the counts, and what each reload reported. */
    record Outcome(List<String> actions, TreeMap<String, CustomerProfile> profiles, int accepted, int duplicates,
                   int rejected, List<ReloadResult.Status> reloads) {
    }

    /**
     * Runs the events in batches on an engine with {@code initial} user rules; before each batch whose index is in
     * {@code reloadBefore}, reloads to the rules {@code next} gives for that reload's number (0, 1, ...).
     */
    static Outcome run(List<Event> events, int partitions, int batch, List<RuleSource> initial,
                       Set<Integer> reloadBefore, Function<Integer, List<RuleSource>> next, List<Action> raw) {
        try (Engine engine = Custflow.builder().partitions(partitions).rules(initial).build()) {
            List<String> actions = new ArrayList<>();
            List<ReloadResult.Status> reloads = new ArrayList<>();
            int accepted = 0;
            int duplicates = 0;
            int rejected = 0;
            for (int i = 0, b = 0; i < events.size(); i += batch, b++) {
                if (reloadBefore.contains(b)) {
                    reloads.add(engine.reload(next.apply(reloads.size())).status());
                }
                BatchResult r = engine.acceptAll(events.subList(i, Math.min(events.size(), i + batch)));
                r.actions().forEach(a -> actions.add(Json.write(a)));
                raw.addAll(r.actions());
                accepted += r.accepted();
                duplicates += r.duplicates();
                rejected += r.rejections().size();
            }
            TreeMap<String, CustomerProfile> profiles = new TreeMap<>();
            engine.forEachCustomer(p -> profiles.put(p.id(), p));
            return new Outcome(actions, profiles, accepted, duplicates, rejected, reloads);
        }
    }

    private static Set<Integer> batches(List<Integer> picks, int events, int batch) {
        int count = (events + batch - 1) / batch;
        Set<Integer> out = new TreeSet<>();
        picks.forEach(p -> out.add(p % count));
        return out;
    }

    @Provide
    Arbitrary<List<Event>> streams() {
        return EngineArbitraries.streams(120);
    }

    @Property(tries = 30)
    void reloadsToRulesThatDecideTheSame_giveExactlyTheUninterruptedRun(
            @ForAll("streams") List<Event> events, @ForAll @IntRange(min = 1, max = 3) int partitions,
            @ForAll @IntRange(min = 1, max = 30) int batch, @ForAll @Size(min = 1, max = 4) List<@IntRange(max = 1000) Integer> picks) {
        Set<Integer> reloads = batches(picks, events.size(), batch);
        List<Action> reloadedActions = new ArrayList<>();

        Outcome reloaded = run(events, partitions, batch, List.of(A), reloads,
                k -> List.of(k % 2 == 0 ? A_AGAIN : A), reloadedActions);
        Outcome uninterrupted = run(events, partitions, batch, List.of(A), Set.of(), k -> List.of(), new ArrayList<>());

        assertThat(reloaded.reloads()).hasSize(reloads.size()).containsOnly(ReloadResult.Status.APPLIED);
        assertThat(reloaded.actions()).isEqualTo(uninterrupted.actions());
        assertThat(reloaded.profiles()).isEqualTo(uninterrupted.profiles());
        // no event lost or applied twice, no action repeated
        assertThat(reloaded.accepted() + reloaded.duplicates()).isEqualTo(uninterrupted.accepted() + uninterrupted.duplicates());
        assertThat(reloaded.accepted()).isEqualTo(uninterrupted.accepted());
        assertThat(reloaded.rejected()).isEqualTo(uninterrupted.rejected());
        assertThat(reloaded.accepted() + reloaded.duplicates() + reloaded.rejected()).isEqualTo(events.size());
        assertThat(new HashSet<>(reloadedActions.stream().map(Action::id).toList())).hasSize(reloadedActions.size());
    }

    @Property(tries = 40)
    void aRuleAddedByAReload_firesForExactlyTheLaterEvents_andChangesNothingElse(
            @ForAll("streams") List<Event> events, @ForAll @IntRange(min = 1, max = 3) int partitions,
            @ForAll @IntRange(min = 1, max = 30) int batch, @ForAll @IntRange(max = 1000) int pick) {
        int cutBatch = pick % ((events.size() + batch - 1) / batch);
        List<Action> raw = new ArrayList<>();

        Outcome reloaded = run(events, partitions, batch, List.of(), Set.of(cutBatch), k -> List.of(A), raw);
        Outcome without = run(events, partitions, batch, List.of(), Set.of(), k -> List.of(), new ArrayList<>());

        List<String> markers = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (Action a : raw) {
            if (a instanceof TaskCreated t && t.rule().startsWith("marker:")) {
                markers.add(t.reason());
            } else {
                others.add(Json.write(a));
            }
        }
        List<String> laterOrders = events.subList(Math.min(events.size(), cutBatch * batch), events.size()).stream()
                .filter(e -> e instanceof OrderPlaced).map(Event::id).toList();
        assertThat(reloaded.reloads()).containsExactly(ReloadResult.Status.APPLIED);
        assertThat(markers).containsExactlyInAnyOrderElementsOf(laterOrders);
        assertThat(others).isEqualTo(without.actions());
        assertThat(reloaded.accepted()).isEqualTo(without.accepted());
    }
}
