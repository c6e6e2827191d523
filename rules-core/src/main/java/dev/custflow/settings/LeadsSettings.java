package dev.custflow.settings;

/**
 * How long a lead stays with sales (the lifecycle pack, docs/rules.md).
 *
 * @param recycleAfterDays days without engagement (no interaction logged, no new stage) after which an open lead
 *                         without an open opportunity goes back to marketing: stage NURTURE, LEAD_RECYCLED, and its
 *                         rep's load is freed (default 30)
 */
public record LeadsSettings(int recycleAfterDays) {

    /** Validates the period. */
    public LeadsSettings {
        InvalidSettingsException.positive("leads.recycleAfterDays", recycleAfterDays);
    }

    /** @return the defaults: recycle after 30 days without engagement */
    public static LeadsSettings ofDefaults() {
        return new LeadsSettings(30);
    }
}
