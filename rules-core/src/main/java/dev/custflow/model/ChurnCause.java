package dev.custflow.model;

/**
 * The causes of the built-in churn warnings, one rule each. The constant's name is the string the
 * outside sees: the {@code cause} of CHURN_WARNING and CHURN_CLEARED, {@code hasWarning("NO_ORDER")}
 * in a rule, and the key of its level in settings ({@code churn.levels.NO_ORDER}). Rules of your own
 * may warn with causes of their own names: this enum lists only the built-in ones.
 */
public enum ChurnCause {
    /**
     * No order for {@code churn.noOrderDays} (default 30), or the customer's band's {@code noOrderDays} when
     * {@code churn.silenceBands} is set. Cleared by the next order.
     */
    NO_ORDER,
    /**
     * No order for {@code churn.longNoOrderDays} (default 90), the high-risk one, or the customer's band's
     * {@code longNoOrderDays} when {@code churn.silenceBands} is set. Cleared by the next order.
     */
    NO_ORDER_LONG,
    /**
     * Each of the last {@code churn.fallingOrders} orders smaller than the one before. Cleared by an order that does
     * not continue the fall.
     */
    AMOUNT_FALLING,
    /** {@code churn.complaints} complaints within {@code churn.complaintsDays}. Cleared when they leave the window. */
    COMPLAINTS,
    /**
     * Days since the last order above {@code churn.intervalFactor} times the customer's own mean interval
     * (customers with at least {@code churn.intervalMinOrders} orders). Cleared by the next order.
     */
    INTERVAL_LENGTHENING,
    /**
     * {@code churn.returns} returns or exchanges within {@code churn.returnsDays}. Cleared when they leave the
     * window.
     */
    RETURNS,
    /**
     * The last NPS at or below {@code churn.detractorNps}, or the last CSAT at or below {@code churn.lowCsat}.
     * Cleared by a later satisfied answer.
     */
    LOW_SATISFACTION,
    /** No interaction for {@code churn.contactDroppedDays} after regular contact. Cleared by any interaction. */
    CONTACT_DROPPED
}
