package dev.custflow.settings;

import dev.custflow.action.Template;
import dev.custflow.action.TaskKind;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * The policy gate in front of every message and outbound task (docs/design/architecture.md, flow step 6):
 * opt-outs, a frequency cap for marketing and quiet hours.
 *
 * @param marketingCap       marketing messages a customer may receive within {@code marketingCapDays} (default 2)
 * @param marketingCapDays   the window of the cap, in days (default 7)
 * @param marketingTemplates the templates that count as marketing; the others (service messages) are exempt
 *                           from the cap (default COUPON, CROSS_SELL, WIN_BACK, NURTURE, REFERRAL_INVITE, CAMPAIGN,
 *                           RECOMMENDATION)
 * @param quietHoursStart    from this local time no message is sent (default 21:00) ...
 * @param quietHoursEnd      ... until this one (default 08:00); messages are held, not dropped; equal times
 *                           switch quiet hours off
 * @param callTasks          task kinds that mean calling the customer, so that a customer who asked not to be
 *                           called gets none (default CARE_CALL)
 */
public record PolicySettings(int marketingCap, int marketingCapDays, Set<Template> marketingTemplates,
                             LocalTime quietHoursStart, LocalTime quietHoursEnd, Set<TaskKind> callTasks) {

    /** Validates the values and fills what was left out with defaults. */
    public PolicySettings {
        InvalidSettingsException.positive("policy.marketingCap", marketingCap);
        InvalidSettingsException.positive("policy.marketingCapDays", marketingCapDays);
        marketingTemplates = marketingTemplates == null ? defaultMarketing() : Set.copyOf(marketingTemplates);
        quietHoursStart = quietHoursStart == null ? LocalTime.of(21, 0) : quietHoursStart;
        quietHoursEnd = quietHoursEnd == null ? LocalTime.of(8, 0) : quietHoursEnd;
        callTasks = callTasks == null ? Set.of(TaskKind.CARE_CALL) : Set.copyOf(callTasks);
    }

    /** @return the defaults */
    public static PolicySettings ofDefaults() {
        return new PolicySettings(2, 7, defaultMarketing(), LocalTime.of(21, 0), LocalTime.of(8, 0),
                Set.of(TaskKind.CARE_CALL));
    }

    private static Set<Template> defaultMarketing() {
        return Set.copyOf(EnumSet.of(Template.COUPON, Template.CROSS_SELL, Template.WIN_BACK, Template.NURTURE,
                Template.REFERRAL_INVITE, Template.CAMPAIGN, Template.RECOMMENDATION));
    }

    /**
     * @param t a local time
     * @return true if no message may be sent at {@code t}
     */
    public boolean isQuiet(LocalTime t) {
        if (quietHoursStart.equals(quietHoursEnd)) {
            return false;
        }
        if (quietHoursStart.isBefore(quietHoursEnd)) { // e.g. 12:00-14:00
            return !t.isBefore(quietHoursStart) && t.isBefore(quietHoursEnd);
        }
        return !t.isBefore(quietHoursStart) || t.isBefore(quietHoursEnd); // across midnight, e.g. 21:00-08:00
    }
}
