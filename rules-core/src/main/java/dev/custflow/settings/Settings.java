package dev.custflow.settings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custflow.RulePack;
import java.time.ZoneId;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every threshold, weight and switch the built-in rules read: an immutable value, visible to rules
 * as the global {@code settings} ({@code settings.lifecycle.dormantAfterDays}). Changing a
 * threshold never needs a DRL edit.
 *
 * <p>Build one from the defaults with dotted keys, the same keys a settings file uses:
 * <pre>{@code
 * Settings s = Settings.builder()
 *         .set("lifecycle.dormantAfterDays", 120)
 *         .merge("{\"scoring\": {\"mqlThreshold\": 60}}")
 *         .build();
 * }</pre>
 * An unknown key or a value out of range fails at once with {@link InvalidSettingsException}
 * naming the key and suggesting the closest known one.
 *
 * @param timeZone      the business's time zone: calendar days (birthdays, quiet hours) are counted in it
 * @param currency      the default currency of amounts
 * @param disabledPacks names of built-in packs switched off, e.g. {@code ["marketing"]}
 * @param intake        lead intake cleaning: the default country code of phone numbers, placeholders, legal
 *                      suffixes of company names
 * @param lifecycle     lifecycle thresholds
 * @param scoring       lead scoring: fit tables, behaviour points and half-life, grades, the MQL threshold
 * @param policy        the gate in front of messages and outbound tasks: cap, quiet hours
 * @param churn         churn warning thresholds and levels
 * @param marketing     marketing triggers: channels, timings, cross-sell pairs, recommendations
 * @param reminders     follow-ups, birthdays, renewals, revisits and ticket timeouts
 * @param segments      RFM scoring (quintiles or fixed thresholds) and segments
 * @param advocacy      super users, referral invitations and rewards
 * @param assignment    lead assignment: the routing table and the first-response SLA
 * @param leads         how long a lead stays with sales without engagement before it is recycled to marketing
 * @param limits        what a user rule may spend: its time budget
 * @param calendars     working calendars (per team, per rep) and public holidays: the first-response SLA and the
 *                      ticket reminders count working time, and leads go to reps at work
 * @param fulfilment    fulfilment and payment: sourcing of products short in stock, payment terms, the cadence of
 *                      late-delivery and overdue reminders, credit limits
 */
public record Settings(ZoneId timeZone, String currency, Set<String> disabledPacks, IntakeSettings intake,
                       LifecycleSettings lifecycle,
                       ScoringSettings scoring, PolicySettings policy, ChurnSettings churn,
                       MarketingSettings marketing, RemindersSettings reminders,
                       SegmentsSettings segments, AdvocacySettings advocacy, AssignmentSettings assignment,
                       LeadsSettings leads, LimitsSettings limits, CalendarSettings calendars,
                       FulfilmentSettings fulfilment) {

    private static final Settings DEFAULTS = new Settings(ZoneId.of("Asia/Shanghai"), "CNY", Set.of(),
            IntakeSettings.ofDefaults(), LifecycleSettings.ofDefaults(), ScoringSettings.ofDefaults(), PolicySettings.ofDefaults(),
            ChurnSettings.ofDefaults(), MarketingSettings.ofDefaults(),
            RemindersSettings.ofDefaults(), SegmentsSettings.ofDefaults(),
            AdvocacySettings.ofDefaults(), AssignmentSettings.ofDefaults(), LeadsSettings.ofDefaults(),
            LimitsSettings.ofDefaults(), CalendarSettings.ofDefaults(), FulfilmentSettings.ofDefaults());

    /** Validates the settings that span fields and fills what was left out with defaults. */
    public Settings {
        timeZone = timeZone == null ? ZoneId.of("Asia/Shanghai") : timeZone;
        currency = currency == null ? "CNY" : currency;
        disabledPacks = disabledPacks == null ? Set.of() : Set.copyOf(new TreeSet<>(disabledPacks));
        for (String p : disabledPacks) {
            if (RulePack.byName(p).isEmpty()) {
                throw new InvalidSettingsException("disabledPacks", p, "there is no built-in pack by that name; "
                        + "the packs are " + java.util.Arrays.toString(RulePack.values()).toLowerCase());
            }
        }
        intake = intake == null ? IntakeSettings.ofDefaults() : intake;
        lifecycle = lifecycle == null ? LifecycleSettings.ofDefaults() : lifecycle;
        scoring = scoring == null ? ScoringSettings.ofDefaults() : scoring;
        policy = policy == null ? PolicySettings.ofDefaults() : policy;
        churn = churn == null ? ChurnSettings.ofDefaults() : churn;
        marketing = marketing == null ? MarketingSettings.ofDefaults() : marketing;
        reminders = reminders == null ? RemindersSettings.ofDefaults() : reminders;
        segments = segments == null ? SegmentsSettings.ofDefaults() : segments;
        advocacy = advocacy == null ? AdvocacySettings.ofDefaults() : advocacy;
        assignment = assignment == null ? AssignmentSettings.ofDefaults() : assignment;
        leads = leads == null ? LeadsSettings.ofDefaults() : leads;
        limits = limits == null ? LimitsSettings.ofDefaults() : limits;
        calendars = calendars == null ? CalendarSettings.ofDefaults() : calendars;
        fulfilment = fulfilment == null ? FulfilmentSettings.ofDefaults() : fulfilment;
    }

    /** @return the catalog defaults (docs/design/rules-catalog.md) */
    public static Settings ofDefaults() {
        return DEFAULTS;
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder(DEFAULTS);
    }

    /**
     * @param base the settings to start from
     * @return a builder starting from {@code base}
     */
    public static Builder from(Settings base) {
        return new Builder(base);
    }

    /**
     * @param pack a built-in pack
     * @return true unless the pack is switched off in {@link #disabledPacks()}
     */
    public boolean isEnabled(RulePack pack) {
        return !disabledPacks.contains(pack.packName());
    }

    /** @return these settings as JSON, every key present (the form a settings file takes) */
    public String toJson() {
        return SettingsCodec.toJson(this);
    }

    /** Builds {@link Settings} from a base with dotted keys or JSON fragments; validates at once. */
    public static final class Builder {
        private JsonNode tree;

        private Builder(Settings base) {
            this.tree = SettingsCodec.toTree(base);
        }

        /**
         * @param key   a dotted key, e.g. {@code lifecycle.dormantAfterDays}
         * @param value its value (number, text, boolean, list or map)
         * @return this
         * @throws InvalidSettingsException if the key is unknown or the value does not fit
         */
        public Builder set(String key, Object value) {
            tree = SettingsCodec.set(tree, key, value);
            SettingsCodec.bind(tree); // fail at the offending call, not at build()
            return this;
        }

        /**
         * @param json a JSON object with any subset of the keys
         * @return this
         * @throws InvalidSettingsException if a key is unknown or a value does not fit
         */
        public Builder merge(String json) {
            tree = SettingsCodec.merge(tree, SettingsCodec.parse(json, "settings"), "");
            SettingsCodec.bind(tree);
            return this;
        }

        /**
         * @param overrides a JSON tree with any subset of the keys
         * @param source    where it came from, for error messages (a file name)
         * @return this
         * @throws InvalidSettingsException if a key is unknown or a value does not fit
         */
        public Builder merge(JsonNode overrides, String source) {
            try {
                tree = SettingsCodec.merge(tree, overrides, "");
                SettingsCodec.bind(tree);
            } catch (InvalidSettingsException e) {
                throw e.at(source);
            }
            return this;
        }

        /** @return the validated settings */
        public Settings build() {
            return SettingsCodec.bind(tree);
        }
    }
}
