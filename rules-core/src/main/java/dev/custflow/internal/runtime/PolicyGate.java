package dev.custflow.internal.runtime;

import dev.custflow.action.Action;
import dev.custflow.model.Channel;
import dev.custflow.action.MessageRequested;
import dev.custflow.action.TaskCreated;
import dev.custflow.internal.profile.CustomerRecord;
import dev.custflow.model.Times;
import dev.custflow.settings.PolicySettings;
import dev.custflow.settings.Settings;
import dev.custflow.spi.AuditEntry.Outcome;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The policy gate (docs/design/architecture.md, flow step 6) between the rules and the host: a message to a
 * channel the customer opted out of is suppressed, a marketing message beyond the frequency cap is
 * suppressed, and a message during quiet hours is held until they end. Rules need not know any of
 * it, so a rule author cannot forget an opt-out. Outbound call tasks honour doNotCall too.
 */
public final class PolicyGate {
    /** What the gate decided for one action. */
    record Verdict(Outcome outcome, String note, long until) {
        static final Verdict PASS = new Verdict(Outcome.EMITTED, null, 0);
    }

    private final PolicySettings policy;
    private final ZoneId businessZone;

    PolicyGate(Settings settings) {
        this.policy = settings.policy();
        this.businessZone = settings.timeZone();
    }

    /**
     * Decides one action the rules emitted, and books it (cap, hold) on the customer when it passes.
     *
     * @param c   the customer
     * @param a   the action
     * @param now the engine's clock
     * @return what to do with it
     */
    Verdict check(CustomerRecord c, Action a, long now) {
        if (a instanceof MessageRequested m) {
            if (c.isOptedOut(m.channel())) {
                return suppressed(optOutNote(c, m.channel()));
            }
            boolean marketing = policy.marketingTemplates().contains(m.template());
            long window = policy.marketingCapDays() * Times.DAY_MILLIS;
            if (marketing) {
                int sent = c.marketingSentSince(now - window);
                if (sent >= policy.marketingCap()) {
                    return suppressed("frequency cap: " + sent + " marketing messages in the last "
                            + policy.marketingCapDays() + " days (at most " + policy.marketingCap() + ")");
                }
            }
            long until = endOfQuietHours(c, now);
            if (marketing) {
                c.recordMarketing(Math.max(now, until), now - window);
            }
            if (until > now) {
                c.hold(m, until);
                return new Verdict(Outcome.DEFERRED, "quiet hours " + policy.quietHoursStart() + "-"
                        + policy.quietHoursEnd() + " (" + zone(c) + "): held until they end", until);
            }
            return Verdict.PASS;
        }
        if (a instanceof TaskCreated t && policy.callTasks().contains(t.kind()) && c.isOptedOut(Channel.CALL)) {
            return suppressed(optOutNote(c, Channel.CALL));
        }
        return Verdict.PASS;
    }

    /**
     * A held message whose time has come: it goes out unless the customer opted out meanwhile.
     *
     * @param c the customer
     * @param m the held message
     * @return the verdict
     */
    Verdict checkRelease(CustomerRecord c, MessageRequested m) {
        return c.isOptedOut(m.channel()) ? suppressed(optOutNote(c, m.channel()) + " while the message was held")
                : Verdict.PASS;
    }

    private static String optOutNote(CustomerRecord c, Channel ch) {
        String flag = switch (ch) {
            case EMAIL -> c.isDoNotEmail() ? " (doNotEmail)" : "";
            case CALL, SMS -> c.isDoNotCall() ? " (doNotCall)" : "";
            case WECHAT -> "";
        };
        return "customer opted out of " + ch + flag;
    }

    private static Verdict suppressed(String note) {
        return new Verdict(Outcome.SUPPRESSED, note, 0);
    }

    private ZoneId zone(CustomerRecord c) {
        return c.getTimeZone() == null ? businessZone : c.getTimeZone();
    }

    /** @return {@code now} outside quiet hours, else the instant they end in the customer's time zone */
    long endOfQuietHours(CustomerRecord c, long now) {
        ZoneId zone = zone(c);
        LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochMilli(now), zone);
        if (!policy.isQuiet(local.toLocalTime())) {
            return now;
        }
        LocalDateTime end = local.toLocalDate().atTime(policy.quietHoursEnd());
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return ZonedDateTime.of(end, zone).toInstant().toEpochMilli();
    }
}
