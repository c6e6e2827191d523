package dev.custflow.test;

import dev.custflow.BatchResult;
import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.EngineBuilder;
import dev.custflow.Rejection;
import dev.custflow.RulePack;
import dev.custflow.action.Action;
import dev.custflow.event.Event;
import dev.custflow.model.CustomerProfile;
import dev.custflow.settings.Settings;
import dev.custflow.spi.AuditEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One scenario test: given these events (and, optionally, then these events or the clock moving on),
 * expect these actions, and no others unless it says so. The same scenario can be written in Java
 * ({@link RuleVerifier}, which builds one) or as a file in a rules folder's {@code scenarios/}
 * folder, run by {@code custflow test DIR} (docs/scenarios.md); both run through {@link #run}.
 *
 * <pre>{@code
 * Scenario s = Scenario.builder("no order for 180 days makes DORMANT")
 *         .given(List.of(order("o1", "C1", "2024-01-01")))
 *         .advanceTo(Instant.parse("2024-07-01T00:00:00Z"))
 *         .expect(ExpectedAction.stageChanged("C1", "CUSTOMER", "DORMANT"))
 *         .othersAllowed(true)
 *         .build();
 * ScenarioResult r = s.run(null, b -> b.packs(RulePack.LIFECYCLE));
 * }</pre>
 *
 * Which actions are checked: those of the steps after {@code given} ({@code when} events,
 * {@code advanceTo} the clock); when there are none, those of {@code given} itself.
 */
public final class Scenario {
    /** The audit outcomes a failure report shows: what the policy gate held back. */
    private static final Set<AuditEntry.Outcome> GATE = EnumSet.of(AuditEntry.Outcome.SUPPRESSED,
            AuditEntry.Outcome.DEFERRED);

    private final String name;
    private final String source;
    private final List<Step> steps;
    private final List<ExpectedAction> expected;
    private final boolean othersAllowed;
    private final Map<String, Object> settings;
    private final Set<RulePack> packs;

    private Scenario(Builder b) {
        this.name = b.name;
        this.source = b.source;
        this.steps = List.copyOf(b.steps);
        this.expected = List.copyOf(b.expected);
        this.othersAllowed = b.othersAllowed;
        this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(b.settings));
        this.packs = b.packs == null ? null : Collections.unmodifiableSet(EnumSet.copyOf(b.packs));
    }

    /**
     * @param name what the scenario shows, in words a rule author recognises
     * @return a builder for a scenario of that name
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** @return the scenario's name */
    public String name() {
        return name;
    }

    /** @return where it is written, e.g. {@code scenarios/dormancy.yaml:3}, or null for one built in code */
    public String source() {
        return source;
    }

    /** @return the steps in the order they run */
    public List<Step> steps() {
        return steps;
    }

    /** @return the actions expected, in any order */
    public List<ExpectedAction> expected() {
        return expected;
    }

    /** @return true if actions besides the expected ones are allowed */
    public boolean othersAllowed() {
        return othersAllowed;
    }

    /** @return settings overrides as dotted keys, applied over the base settings, in order */
    public Map<String, Object> settings() {
        return settings;
    }

    /** @return the built-in packs the scenario runs with, or null for those the engine is configured with */
    public Set<RulePack> packs() {
        return packs;
    }

    /**
     * Runs the scenario on a fresh engine.
     *
     * @param base          the settings to apply {@link #settings()} over; null keeps what {@code configuration}
     *                      sets when there are no overrides, and starts from the defaults when there are
     * @param configuration sets up the engine (rules, packs, settings); applied before this scenario's packs
     *                      and settings
     * @return what happened, compared with what was expected
     * @throws dev.custflow.settings.InvalidSettingsException if an override does not fit the settings
     * @throws dev.custflow.RuleCompilationException         if the rules do not compile
     */
    public ScenarioResult run(Settings base, Consumer<EngineBuilder> configuration) {
        return run(base, configuration, Locale.ENGLISH);
    }

    /**
     * Runs the scenario on a fresh engine, reporting in the reader's language.
     *
     * @param base          the settings to apply {@link #settings()} over (see {@link #run(Settings, Consumer)})
     * @param configuration sets up the engine (rules, packs, settings)
     * @param locale        the language of the result's report: Chinese ({@code zh-CN}) or English
     * @return what happened, compared with what was expected
     * @throws dev.custflow.settings.InvalidSettingsException if an override does not fit the settings
     * @throws dev.custflow.RuleCompilationException         if the rules do not compile
     * @throws IllegalArgumentException                       if the locale is neither Chinese nor English
     */
    public ScenarioResult run(Settings base, Consumer<EngineBuilder> configuration, Locale locale) {
        Objects.requireNonNull(configuration, "configuration");
        dev.custflow.text.Wording.supported(locale);
        EngineBuilder b = Custflow.builder();
        configuration.accept(b);
        if (packs != null) {
            b.packs(packs.toArray(RulePack[]::new));
        }
        if (base != null || !settings.isEmpty()) {
            Settings.Builder s = Settings.from(base == null ? Settings.ofDefaults() : base);
            settings.forEach(s::set);
            b.settings(s.build());
        }
        boolean checkAfterGiven = steps.stream().anyMatch(Step::checked);
        List<Action> checked = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        List<AuditEntry> held = new ArrayList<>();
        Map<String, Optional<CustomerProfile>> profiles = new HashMap<>();
        try (Engine engine = b.build()) {
            int auditBefore = -1;
            for (Step step : steps) {
                if ((step.checked() || !checkAfterGiven) && auditBefore < 0) {
                    auditBefore = engine.auditTrail(Integer.MAX_VALUE).size();
                }
                BatchResult r = step.advanceTo() != null ? engine.advanceTo(step.advanceTo())
                        : engine.acceptAll(step.events());
                rejections.addAll(r.rejections());
                if (step.checked() || !checkAfterGiven) {
                    checked.addAll(r.actions());
                }
            }
            List<AuditEntry> trail = engine.auditTrail(Integer.MAX_VALUE);
            for (AuditEntry e : trail.subList(Math.max(0, Math.min(auditBefore, trail.size())), trail.size())) {
                if (GATE.contains(e.outcome())) {
                    held.add(e);
                }
            }
            for (ExpectedAction e : expected) { // the facts at the end, for a report of why a rule did not fire
                Object id = e.fields().get("customerId");
                if (id != null) {
                    profiles.computeIfAbsent(String.valueOf(id), engine::customer);
                }
            }
        }
        return ScenarioResult.compare(this, checked, rejections, held,
                id -> profiles.getOrDefault(id, Optional.empty()), locale);
    }

    /**
     * One step of a scenario: events applied in order, or the clock moved as a ClockTick would.
     *
     * @param events    the events of this step (empty when it moves the clock)
     * @param advanceTo the time the clock moves to, or null for a step of events
     * @param checked   true if the step's actions are compared with the expectation
     */
    public record Step(List<Event> events, Instant advanceTo, boolean checked) {
        /** Copies the events. */
        public Step {
            events = List.copyOf(events);
        }
    }

    /** Builds a {@link Scenario}; steps run in the order they are added. */
    public static final class Builder {
        private final String name;
        private String source;
        private final List<Step> steps = new ArrayList<>();
        private final List<ExpectedAction> expected = new ArrayList<>();
        private boolean othersAllowed;
        private final Map<String, Object> settings = new LinkedHashMap<>();
        private Set<RulePack> packs;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * @param where where the scenario is written, e.g. {@code scenarios/dormancy.yaml:3}
         * @return this
         */
        public Builder source(String where) {
            this.source = where;
            return this;
        }

        /**
         * @param events events that set the scene; their actions are checked only if no step follows
         * @return this
         */
        public Builder given(List<? extends Event> events) {
            steps.add(new Step(new ArrayList<>(events), null, false));
            return this;
        }

        /**
         * @param events events whose actions are checked
         * @return this
         */
        public Builder when(List<? extends Event> events) {
            steps.add(new Step(new ArrayList<>(events), null, true));
            return this;
        }

        /**
         * @param instant the time the clock moves to (as a ClockTick would); the actions of the move are checked
         * @return this
         */
        public Builder advanceTo(Instant instant) {
            steps.add(new Step(List.of(), Objects.requireNonNull(instant, "instant"), true));
            return this;
        }

        /**
         * @param actions actions expected, in any order
         * @return this
         */
        public Builder expect(ExpectedAction... actions) {
            expected.addAll(Arrays.asList(actions));
            return this;
        }

        /**
         * @param actions actions expected, in any order
         * @return this
         */
        public Builder expect(List<ExpectedAction> actions) {
            expected.addAll(actions);
            return this;
        }

        /**
         * @param allowed true if actions besides the expected ones do not fail the scenario
         * @return this
         */
        public Builder othersAllowed(boolean allowed) {
            this.othersAllowed = allowed;
            return this;
        }

        /**
         * @param key   a dotted settings key, e.g. {@code churn.noOrderDays}
         * @param value its value for this scenario
         * @return this
         */
        public Builder setting(String key, Object value) {
            settings.put(Objects.requireNonNull(key, "key"), value);
            return this;
        }

        /**
         * @param selected the only built-in packs this scenario runs with (rules of a folder still load)
         * @return this
         */
        public Builder packs(Set<RulePack> selected) {
            this.packs = EnumSet.noneOf(RulePack.class);
            this.packs.addAll(selected);
            return this;
        }

        /** @return the scenario */
        public Scenario build() {
            return new Scenario(this);
        }
    }
}
