package dev.custflow.settings;

/**
 * Thresholds of lead qualification (RULES-CATALOG.md §3).
 *
 * @param mqlThreshold the score from which a lead is marketing-qualified (default 50)
 */
public record ScoringSettings(int mqlThreshold) {

    /** Validates every threshold. */
    public ScoringSettings {
        InvalidSettingsException.positive("scoring.mqlThreshold", mqlThreshold);
    }

    /** @return the catalog defaults */
    public static ScoringSettings ofDefaults() {
        return new ScoringSettings(50);
    }
}
