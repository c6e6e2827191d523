package dev.custflow.settings;

/**
 * Reminders and service (docs/design/rules-catalog.md §8).
 *
 * @param followUpAfterDays       a lead or prospect no rep has reached for this many days gets a follow-up task
 *                                (default 3)
 * @param renewalDaysBefore       a contract renewal task this many days before it expires (default 30)
 * @param revisitAfterDeliveryDays an after-sales revisit this many days after a delivery (default 7)
 * @param repurchaseDaysBefore    a revisit this many days before the predicted repurchase date: the last order
 *                                plus the customer's median interval (default 7)
 * @param ticketResponseHours     an open ticket this many working hours old (on the owner's calendar,
 *                                {@code calendars}) gets a response-timeout task (default 9: one office day)
 * @param complaintEscalationHours a complaint open this many working hours is escalated (default 18: two office
 *                                days)
 */
public record RemindersSettings(int followUpAfterDays, int renewalDaysBefore, int revisitAfterDeliveryDays,
                                int repurchaseDaysBefore, int ticketResponseHours, int complaintEscalationHours) {

    /** Validates every threshold. */
    public RemindersSettings {
        InvalidSettingsException.positive("reminders.followUpAfterDays", followUpAfterDays);
        InvalidSettingsException.positive("reminders.renewalDaysBefore", renewalDaysBefore);
        InvalidSettingsException.positive("reminders.revisitAfterDeliveryDays", revisitAfterDeliveryDays);
        InvalidSettingsException.positive("reminders.repurchaseDaysBefore", repurchaseDaysBefore);
        InvalidSettingsException.positive("reminders.ticketResponseHours", ticketResponseHours);
        InvalidSettingsException.positive("reminders.complaintEscalationHours", complaintEscalationHours);
    }

    /** @return the catalog defaults */
    public static RemindersSettings ofDefaults() {
        return new RemindersSettings(3, 30, 7, 7, 9, 18);
    }
}
