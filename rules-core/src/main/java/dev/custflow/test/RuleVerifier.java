package dev.custflow.test;

import dev.custflow.BatchResult;
import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.EngineBuilder;
import dev.custflow.Json;
import dev.custflow.Rejection;
import dev.custflow.RulePack;
import dev.custflow.action.Action;
import dev.custflow.event.Event;
import dev.custflow.settings.Settings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Tests rules the way the catalog words them: given these events, then these actions and no
 * others. For rule authors and the project's own pack tests alike.
 *
 * <pre>{@code
 * RuleVerifier.forPacks(RulePack.LIFECYCLE)
 *         .given(order("o1", "c1", "2024-01-01"), order("o2", "c1", "2024-03-01"))
 *         .thenExpectOnly(stageChanged("c1", null, "CUSTOMER"), stageChanged("c1", "CUSTOMER", "LOYAL"));
 * }</pre>
 *
 * Failures print the expected and the actual actions, with the rule and reason of each.
 */
public final class RuleVerifier {
    private final Consumer<EngineBuilder> configuration;
    private final List<Event> given = new ArrayList<>();
    private Instant advanceTo;
    private boolean onlyAfterGiven;
    private List<Event> when = List.of();

    private RuleVerifier(Consumer<EngineBuilder> configuration) {
        this.configuration = configuration;
    }

    /**
     * @param packs the built-in packs under test
     * @return a verifier with these packs and default settings
     */
    public static RuleVerifier forPacks(RulePack... packs) {
        return new RuleVerifier(b -> b.packs(packs));
    }

    /**
     * @param settings the settings the rules read
     * @param packs    the built-in packs under test
     * @return a verifier with these packs and settings
     */
    public static RuleVerifier forPacks(Settings settings, RulePack... packs) {
        return new RuleVerifier(b -> b.packs(packs).settings(settings));
    }

    /**
     * @param configuration sets up the engine under test (packs, rules, settings)
     * @return a verifier
     */
    public static RuleVerifier forEngine(Consumer<EngineBuilder> configuration) {
        return new RuleVerifier(Objects.requireNonNull(configuration, "configuration"));
    }

    /**
     * @param events what happened
     * @return this
     */
    public RuleVerifier given(Event... events) {
        given.addAll(Arrays.asList(events));
        return this;
    }

    /**
     * @param events what happened
     * @return this
     */
    public RuleVerifier given(List<? extends Event> events) {
        given.addAll(events);
        return this;
    }

    /**
     * Only the actions of these events (after the given ones) are checked.
     *
     * @param events the events whose actions are checked
     * @return this
     */
    public RuleVerifier when(Event... events) {
        this.when = List.of(events);
        this.onlyAfterGiven = true;
        return this;
    }

    /**
     * Moves the clock after the events, as a ClockTick would; with {@link #when} unused, only the
     * actions of this move are checked.
     *
     * @param instant the time to move to
     * @return this
     */
    public RuleVerifier whenClockAt(Instant instant) {
        this.advanceTo = instant;
        this.onlyAfterGiven = true;
        return this;
    }

    /**
     * Runs the scenario.
     *
     * @return the actions checked (those of {@code when}/{@code whenClockAt} if set, else all)
     * @throws AssertionError if an event was rejected
     */
    public List<Action> run() {
        EngineBuilder b = Custflow.builder();
        configuration.accept(b);
        try (Engine engine = b.build()) {
            List<Action> all = new ArrayList<>();
            List<Action> checked = new ArrayList<>();
            BatchResult r = engine.acceptAll(given);
            failOnRejections(r.rejections());
            all.addAll(r.actions());
            if (!when.isEmpty()) {
                BatchResult w = engine.acceptAll(when);
                failOnRejections(w.rejections());
                checked.addAll(w.actions());
            }
            if (advanceTo != null) {
                BatchResult t = engine.advanceTo(advanceTo);
                checked.addAll(t.actions());
            }
            return onlyAfterGiven ? checked : all;
        }
    }

    /**
     * @param expected the actions expected, in any order; any other action fails the test
     * @return the actions, for further checks
     * @throws AssertionError listing expected and actual actions when they differ
     */
    public List<Action> thenExpectOnly(ExpectedAction... expected) {
        List<Action> actual = run();
        List<ExpectedAction> missing = new ArrayList<>();
        List<Action> unmatched = new ArrayList<>(actual);
        for (ExpectedAction e : expected) {
            Action hit = unmatched.stream().filter(e::matches).findFirst().orElse(null);
            if (hit == null) {
                missing.add(e);
            } else {
                unmatched.remove(hit);
            }
        }
        if (!missing.isEmpty() || !unmatched.isEmpty()) {
            throw new AssertionError(diff(Arrays.asList(expected), actual, missing, unmatched));
        }
        return actual;
    }

    /**
     * @param expected actions that must be among the actual ones (others are allowed)
     * @return the actions
     * @throws AssertionError when one is missing
     */
    public List<Action> thenExpect(ExpectedAction... expected) {
        List<Action> actual = run();
        List<ExpectedAction> missing = new ArrayList<>();
        List<Action> pool = new ArrayList<>(actual);
        for (ExpectedAction e : expected) {
            Action hit = pool.stream().filter(e::matches).findFirst().orElse(null);
            if (hit == null) {
                missing.add(e);
            } else {
                pool.remove(hit);
            }
        }
        if (!missing.isEmpty()) {
            throw new AssertionError(diff(Arrays.asList(expected), actual, missing, List.of()));
        }
        return actual;
    }

    /**
     * @return nothing, when no action was emitted
     * @throws AssertionError listing the actions when there were some
     */
    public List<Action> thenExpectNone() {
        return thenExpectOnly();
    }

    private static void failOnRejections(List<Rejection> rejections) {
        if (!rejections.isEmpty()) {
            throw new AssertionError("the scenario's events were rejected:\n" + rejections.stream()
                    .map(Rejection::message).collect(Collectors.joining("\n")));
        }
    }

    private static String diff(List<ExpectedAction> expected, List<Action> actual, List<ExpectedAction> missing,
                               List<Action> unexpected) {
        StringBuilder sb = new StringBuilder("The actions differ from the scenario.\n");
        sb.append("Expected:\n");
        expected.forEach(e -> sb.append(missing.contains(e) ? "  - MISSING " : "  -         ").append(e).append('\n'));
        sb.append("Actual:\n");
        if (actual.isEmpty()) {
            sb.append("  (no actions)\n");
        }
        for (Action a : actual) {
            sb.append(unexpected.contains(a) ? "  + UNEXPECTED " : "  +            ").append(Json.write(a))
                    .append('\n');
        }
        return sb.toString();
    }
}
