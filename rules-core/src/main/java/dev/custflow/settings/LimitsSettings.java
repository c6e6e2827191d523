package dev.custflow.settings;

/**
 * What a user rule may spend (docs/rules.md, "The sandbox"): a rule stopped at a limit is reported like a rule that
 * threw, and the other rules go on.
 *
 * @param ruleTimeBudgetMillis how long one firing of a user rule may run (its consequence and the functions it calls)
 *                             before it is stopped (default 1000)
 */
public record LimitsSettings(int ruleTimeBudgetMillis) {

    /** Validates the values. */
    public LimitsSettings {
        InvalidSettingsException.positive("limits.ruleTimeBudgetMillis", ruleTimeBudgetMillis);
    }

    /** @return the defaults */
    public static LimitsSettings ofDefaults() {
        return new LimitsSettings(1000);
    }
}
