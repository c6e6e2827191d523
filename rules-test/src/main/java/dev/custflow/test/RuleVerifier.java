package dev.custflow.test;

import dev.custflow.EngineBuilder;
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
 * Failures print the expected and the actual actions, what is missing or unexpected, the fields that
 * differ and the rules that fired.
 *
 * <p>This is the Java form of the scenario files that {@code custflow test DIR} runs from a rules
 * folder's {@code scenarios/} (docs/scenarios.md): both build a {@link Scenario} and run it the same
 * way. {@code given} is the scene; {@code when} and {@code whenClockAt} are the steps whose actions are
 * checked (without them, the actions of {@code given} are).
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
        return check(List.of(), true).actual();
    }

    /**
     * @param expected the actions expected, in any order; any other action fails the test
     * @return the actions, for further checks
     * @throws AssertionError listing expected and actual actions when they differ
     */
    public List<Action> thenExpectOnly(ExpectedAction... expected) {
        return check(Arrays.asList(expected), false).actual();
    }

    /**
     * @param expected actions that must be among the actual ones (others are allowed)
     * @return the actions
     * @throws AssertionError when one is missing
     */
    public List<Action> thenExpect(ExpectedAction... expected) {
        return check(Arrays.asList(expected), true).actual();
    }

    /**
     * @return nothing, when no action was emitted
     * @throws AssertionError listing the actions when there were some
     */
    public List<Action> thenExpectNone() {
        return thenExpectOnly();
    }

    /**
     * @param name a name for the scenario, shown by {@code custflow test}-style reports
     * @param expected the actions expected
     * @param othersAllowed true if other actions do not fail it
     * @return this verifier's given/when/clock as a {@link Scenario}, the form scenario files are read into
     */
    public Scenario toScenario(String name, List<ExpectedAction> expected, boolean othersAllowed) {
        Scenario.Builder s = Scenario.builder(name).given(given);
        if (onlyAfterGiven) {
            s.when(when);
        }
        if (advanceTo != null) {
            s.advanceTo(advanceTo);
        }
        return s.expect(expected).othersAllowed(othersAllowed).build();
    }

    private ScenarioResult check(List<ExpectedAction> expected, boolean othersAllowed) {
        ScenarioResult result = toScenario("RuleVerifier", expected, othersAllowed).run(null, configuration);
        if (!result.rejections().isEmpty()) {
            throw new AssertionError("the scenario's events were rejected:\n" + result.rejections().stream()
                    .map(Rejection::message).collect(Collectors.joining("\n")));
        }
        if (!result.passed()) {
            throw new AssertionError("The actions differ from the scenario.\n" + result.report(""));
        }
        return result;
    }
}
