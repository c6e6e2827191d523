package dev.custflow.settings;

/**
 * Thresholds of the lifecycle pack (docs/design/rules-catalog.md §1).
 *
 * @param loyalMinOrders   orders within {@code loyalWindowDays} that make a repeat buyer LOYAL (default 2)
 * @param loyalWindowDays  the window for {@code loyalMinOrders} (default 365)
 * @param advocateMinNps   NPS from which a loyal customer becomes ADVOCATE (default 9)
 * @param dormantAfterDays days without an order after which a customer is DORMANT (default 180)
 */
public record LifecycleSettings(int loyalMinOrders, int loyalWindowDays, int advocateMinNps, int dormantAfterDays) {

    /** Validates every threshold. */
    public LifecycleSettings {
        InvalidSettingsException.positive("lifecycle.loyalMinOrders", loyalMinOrders);
        InvalidSettingsException.positive("lifecycle.loyalWindowDays", loyalWindowDays);
        InvalidSettingsException.range("lifecycle.advocateMinNps", advocateMinNps, 0, 10);
        InvalidSettingsException.positive("lifecycle.dormantAfterDays", dormantAfterDays);
    }

    /** @return the catalog defaults */
    public static LifecycleSettings ofDefaults() {
        return new LifecycleSettings(2, 365, 9, 180);
    }
}
