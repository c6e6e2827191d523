package dev.custflow.examples.internal;

import dev.custflow.Rejection;
import dev.custflow.action.Action;
import dev.custflow.action.AtRiskDigest;
import dev.custflow.examples.DemoReport;
import dev.custflow.model.Stage;
import java.lang.reflect.RecordComponent;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Lays a {@link DemoReport} out for a terminal: short sections, aligned numbers, Chinese stage labels. */
public final class ReportText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    /** The fields every action has; the examples show only the others. */
    private static final Set<String> COMMON_FIELDS = Set.of("id", "at", "rule", "reason", "customerId");
    private static final int DETAILS_MAX = 110;

    private final StringBuilder out = new StringBuilder(4096);

    private ReportText() {
    }

    /**
     * @param report the report
     * @return the text, lines ending in {@code \n}
     */
    public static String format(DemoReport report) {
        ReportText t = new ReportText();
        t.header(report);
        t.stages(report);
        t.conversion(report);
        t.funnel(report);
        t.assignment(report);
        t.actions(report);
        t.leadNews(report);
        t.segments(report);
        t.churn(report);
        t.messages(report);
        t.examples(report, report.run().zone());
        t.rejections(report);
        return t.out.toString();
    }

    private void header(DemoReport r) {
        DemoReport.Run run = r.run();
        line("Custflow demo: %s", run.description());
        line("  %s events accepted, %s rejected, %s duplicates; %s actions", n(r.accepted()), n(r.rejected()),
                n(r.duplicates()), n(r.actions()));
        line("  %s rules, %s partition%s; engine built in %.1f s; events fed in %.1f s (%s events/s)",
                n(run.rules()), n(run.partitions()), run.partitions() == 1 ? "" : "s", run.build().toMillis() / 1e3,
                run.run().toMillis() / 1e3, n(Math.round(r.eventsPerSecond())));
        line("  dates and times in %s (the engine's settings.timeZone)", run.zone());
        line("");
    }

    private void stages(DemoReport r) {
        line("Customers per stage (%s)", n(r.customers()));
        for (Map.Entry<Stage, Integer> e : r.customersPerStage().entrySet()) {
            line("  %s  %8s  %6s", label(e.getKey()), n(e.getValue()), percent(e.getValue(), r.customers()));
        }
        if (r.customersWithoutStage() > 0) {
            line("  %-22s  %8s  %6s", "(no stage yet)", n(r.customersWithoutStage()),
                    percent(r.customersWithoutStage(), r.customers()));
        }
        line("");
    }

    private void conversion(DemoReport r) {
        line("Stage conversion (customers ever in the stage; share of the previous stage's who went on to it "
                + "or further)");
        for (DemoReport.Conversion c : r.conversion()) {
            String rate = c.stage() == DemoReport.MAIN_PATH.get(0) ? ""
                    : Double.isNaN(c.rate()) ? "     -" : String.format(Locale.ROOT, "%5.1f%%", 100 * c.rate());
            line("  %s  %8s  %s", label(c.stage()), n(c.reached()), rate);
        }
        int bought = r.everInStage().get(Stage.CUSTOMER);
        int dormant = r.everInStage().get(Stage.DORMANT);
        int disqualified = r.everInStage().get(Stage.DISQUALIFIED);
        line("  side states, ever:");
        line("  %s  %8s  %s of those who became CUSTOMER", label(Stage.DORMANT), n(dormant),
                percent(dormant, bought));
        if (disqualified > 0) {
            line("  %s  %8s  %s of the leads", label(Stage.DISQUALIFIED), n(disqualified),
                    percent(disqualified, r.everInStage().get(Stage.LEAD)));
        }
        for (Stage ended : List.of(Stage.NURTURE, Stage.LOST)) { // a lead's life ends: recycled or lost
            int ever = r.everInStage().get(ended);
            if (ever > 0) {
                line("  %s  %8s  %s of the leads", label(ended), n(ever),
                        percent(ever, r.everInStage().get(Stage.LEAD)));
            }
        }
        line("");
    }

    private void funnel(DemoReport r) {
        if (r.leadFunnel().isEmpty()) {
            return;
        }
        line("Lead funnel by channel (leads that ever reached each step, in brackets the share of the channel's "
                + "leads;");
        line("  a lead may skip steps: a first order makes a CUSTOMER without an MQL score, PROSPECT or an "
                + "opportunity;");
        line("  PROSPECT and CUSTOMER count the leads ever in the stage, as the stage conversion above does)");
        line("  %-12s %8s %15s %15s %15s %15s", "channel", "leads", "MQL", "PROSPECT", "opportunity", "CUSTOMER");
        long[] total = new long[DemoReport.FUNNEL_STEPS.size()];
        r.leadFunnel().forEach((channel, row) -> {
            funnelRow(channel, row);
            for (int k = 0; k < row.length; k++) {
                total[k] += row[k];
            }
        });
        funnelRow("all", total);
        line("");
    }

    /** How often sales heard of a lead's score, and how the referral loop closed. */
    private void leadNews(DemoReport r) {
        long[] m = r.leadScoredPerLeadMonth();
        long months = m[0] + m[1] + m[2] + m[3];
        if (months > 0) {
            line("LEAD_SCORED per lead and calendar month (%s lead-months with any; at most %s for one lead)", n(months),
                    n(m[4]));
            line("  1: %s (%s)   2: %s (%s)   3: %s (%s)   more than 3: %s (%s)", n(m[0]), percent(m[0], months).strip(),
                    n(m[1]), percent(m[1], months).strip(), n(m[2]), percent(m[2], months).strip(), n(m[3]),
                    percent(m[3], months).strip());
        }
        long[] ref = r.referrals();
        if (ref[0] + ref[2] > 0) {
            line("Referrals: %s first orders rewarded (%s referrers); %s unknown codes reported, %s with a suggestion",
                    n(ref[0]), n(ref[1]), n(ref[2]), n(ref[3]));
        }
        if (months > 0 || ref[0] + ref[2] > 0) {
            line("");
        }
    }

    private void assignment(DemoReport r) {
        if (r.assignmentPerRep().isEmpty()) {
            return;
        }
        line("Lead assignment per rep (given at capture or after another rep's second miss; answered in time: a "
                + "call, meeting, chat");
        line("  or visit within the first-response time; escalated: SLA_ESCALATED; taken away: reassigned to "
                + "another rep)");
        line("  %-12s %8s %12s %15s %15s %11s", "rep", "given", "reassigned", "in time", "escalated",
                "taken away");
        long[] total = new long[5];
        for (DemoReport.RepWork w : r.assignmentPerRep().values()) {
            repRow(w.repId(), w.given(), w.reassignedTo(), w.inTime(), w.escalated(), w.takenAway());
            total[0] += w.given();
            total[1] += w.reassignedTo();
            total[2] += w.inTime();
            total[3] += w.escalated();
            total[4] += w.takenAway();
        }
        repRow("all", total[0], total[1], total[2], total[3], total[4]);
        DemoReport.Unassigned u = r.unassigned();
        if (u.leads() > 0) {
            line("  %-12s %8s   leads that never got a rep: %s disqualified (no way to contact), %s waiting, %s "
                    + "bought anyway", "(no rep)", n(u.leads()), n(u.disqualified()), n(u.waiting()), n(u.bought()));
        }
        if (r.merged() > 0) {
            line("  duplicate leads merged into an earlier record: %s (one rep per person)", n(r.merged()));
        }
        r.assignmentNotes().forEach(note -> line("  %s", note));
        line("");
        months(r);
        routes(r);
    }

    private void months(DemoReport r) {
        if (r.assignmentPerMonth().isEmpty()) {
            return;
        }
        line("Lead assignment per month (captured: new leads; assigned: LEAD_ASSIGNED in the month; waiting: leads "
                + "without a rep");
        line("  at the month's end, and how long the longest-waiting one had waited)");
        line("  %-8s %9s %9s %7s %9s %14s", "month", "captured", "assigned", "", "waiting", "oldest waiting");
        for (DemoReport.Month m : r.assignmentPerMonth()) {
            String share = Double.isNaN(m.assignedShare()) ? "-"
                    : String.format(Locale.ROOT, "%5.1f%%", 100 * m.assignedShare());
            line("  %-8s %9s %9s %7s %9s %14s", m.month(), n(m.captured()), n(m.assigned()), share,
                    n(m.waitingAtEnd()), m.waitingAtEnd() == 0 ? "-" : age(m.oldestWaiting()));
        }
        line("");
    }

    private void routes(DemoReport r) {
        if (r.waitingPerRoute().isEmpty()) {
            if (!r.assignmentPerMonth().isEmpty()) {
                line("No lead waited for a rep: every route always had a rep with room (LEAD_WAITING never emitted)");
                line("");
            }
            return;
        }
        line("Leads that waited for a rep, per route (the first route that applies to the lead)");
        line("  %-16s %8s %12s %14s %14s", "route", "waited", "waiting now", "oldest now", "longest wait");
        r.waitingPerRoute().values().forEach(w -> line("  %-16s %8s %12s %14s %14s", clip(w.route(), 16),
                n(w.waited()), n(w.waitingNow()), w.waitingNow() == 0 ? "-" : age(w.oldestNow()),
                w.longest().isZero() ? "-" : age(w.longest())));
        line("");
    }

    /** A wait as days and hours, e.g. {@code 3 d 4 h}, or hours and minutes under a day. */
    private static String age(java.time.Duration d) {
        long hours = d.toHours();
        return hours >= 24 ? hours / 24 + " d " + hours % 24 + " h" : hours + " h " + d.toMinutesPart() + " min";
    }

    private void repRow(String rep, long given, long reassigned, long inTime, long escalated, long takenAway) {
        line("  %-12s %8s %12s %7s (%5s) %7s (%5s) %11s", clip(rep, 12), n(given), n(reassigned), n(inTime),
                percent(inTime, given).strip(), n(escalated), percent(escalated, given).strip(), n(takenAway));
    }

    private void funnelRow(String channel, long[] row) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  %-12s %8s", clip(channel, 12), n(row[0])));
        for (int k = 1; k < row.length; k++) {
            b.append(String.format(Locale.ROOT, " %7s (%5s)", n(row[k]), percent(row[k], row[0]).strip()));
        }
        line("%s", b);
    }

    private void actions(DemoReport r) {
        line("Actions by type and rule (%s)", n(r.actions()));
        int width = 20;
        for (Map.Entry<String, Map<String, Long>> type : r.actionsByTypeAndRule().entrySet()) {
            for (String rule : type.getValue().keySet()) {
                width = Math.max(width, Math.min(72, rule.length() + 2));
            }
        }
        for (Map.Entry<String, Map<String, Long>> type : r.actionsByTypeAndRule().entrySet()) {
            line("  %-" + (width + 2) + "s %9s", type.getKey(), n(r.actionCount(type.getKey())));
            for (Map.Entry<String, Long> rule : type.getValue().entrySet()) {
                line("    %-" + width + "s %9s", clip(rule.getKey(), width), n(rule.getValue()));
            }
        }
        if (r.actions() == 0) {
            line("  (none)");
        }
        line("");
    }

    private void segments(DemoReport r) {
        if (r.customersPerSegment().isEmpty()) {
            return;
        }
        int scored = r.customersPerSegment().values().stream().mapToInt(Integer::intValue).sum();
        line("Customers per RFM segment (%s with an order)", n(scored));
        r.customersPerSegment().forEach((s, count) -> line("  %-12s %9s  %6s  %s", s.name(), n(count),
                percent(count, scored), s.chinese())); // Chinese last: its width would break the columns
        line("");
    }

    private void churn(DemoReport r) {
        if (r.churnByCause().isEmpty()) {
            return;
        }
        line("Churn warnings by cause and level (raised; cleared when the cause went away)");
        // a level no warning was raised at gets no column (the built-in rules raise MEDIUM and HIGH only): said below
        String[] levels = {"LOW", "MEDIUM", "HIGH"};
        List<Integer> shown = new ArrayList<>();
        List<String> none = new ArrayList<>();
        for (int k = 0; k < levels.length; k++) {
            final int level = k;
            if (r.churnByCause().values().stream().anyMatch(c -> c[level] > 0)) {
                shown.add(k);
            } else {
                none.add(levels[k]);
            }
        }
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-22s", "cause"));
        shown.forEach(k -> head.append(String.format(Locale.ROOT, " %9s", levels[k])));
        line("%s %9s", head, "cleared");
        r.churnByCause().forEach((cause, c) -> {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-22s", cause));
            shown.forEach(k -> row.append(String.format(Locale.ROOT, " %9s", n(c[k]))));
            line("%s %9s", row, n(c[3]));
        });
        if (!none.isEmpty()) {
            line("  no warning was raised at %s: the rules that ran use the other levels", String.join(" or ", none));
        }
        line("");
    }

    private void messages(DemoReport r) {
        if (r.messagesSent().isEmpty() && r.heldBack().isEmpty()) {
            return;
        }
        line("Messages sent (by template and channel)");
        r.messagesSent().forEach((what, count) -> line("  %-62s %9s", what, n(count)));
        if (r.messagesSent().isEmpty()) {
            line("  (none)");
        }
        line("Held back by the policy gate (opt-outs, frequency cap, quiet hours)");
        r.heldBack().forEach((what, count) -> line("  %-76s %9s", clip(what, 76), n(count)));
        if (r.heldBack().isEmpty()) {
            line("  (none)");
        }
        line("");
    }

    private void examples(DemoReport r, ZoneId zone) {
        if (r.latestExamples().isEmpty()) {
            return;
        }
        line("Latest examples (the %d most recent of each action type; times in %s)", DemoReport.EXAMPLES_PER_TYPE,
                zone);
        for (Map.Entry<String, List<Action>> type : r.latestExamples().entrySet()) {
            line("  %s", type.getKey());
            for (Action a : type.getValue()) {
                line("    %s  %-12s %s", TIME.format(a.at().atZone(zone)),
                        a.customerId() == null ? "-" : a.customerId(), a.rule());
                String details = details(a, zone);
                line("      %s%s", a.reason(), details.isEmpty() ? "" : "  {" + details + "}");
            }
        }
        line("");
    }

    private void rejections(DemoReport r) {
        if (r.rejected() == 0) {
            return;
        }
        line("Rejected events (%s; the first %d)", n(r.rejected()), r.rejections().size());
        for (Rejection x : r.rejections()) {
            line("  %s", x.message().replace("\n", " "));
        }
        line("");
    }

    /** The fields particular to an action's type, e.g. {@code from=LEAD, to=PROSPECT}, whatever the type. */
    public static String details(Action a) {
        return details(a, null);
    }

    /**
     * @param a    an action
     * @param zone the zone to show its times in (with the offset), or null for UTC as in the JSON
     * @return the fields particular to its type
     */
    public static String details(Action a, ZoneId zone) {
        RecordComponent[] components = a.getClass().getRecordComponents();
        if (components == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (RecordComponent c : components) {
            if (COMMON_FIELDS.contains(c.getName())) {
                continue;
            }
            try {
                Object v = c.getAccessor().invoke(a);
                if (v instanceof java.time.Instant t && zone != null) {
                    v = TIME.format(t.atZone(zone));
                }
                if (v != null) {
                    parts.add(c.getName() + "=" + readable(v));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + a.type(), e);
            }
        }
        return clip(String.join(", ", parts), DETAILS_MAX);
    }

    /**
     * A value as a person reads it, not as Java prints a record: a digest's customer is {@code C-1 HIGH NO_ORDER_LONG,
     * 95 days since the last order}, another record its values by name, a list its items.
     */
    static String readable(Object v) {
        if (v instanceof AtRiskDigest.AtRisk a) {
            return a.customerId() + " " + a.level() + " " + String.join("/", a.causes()) + ", "
                    + a.daysSinceLastOrder() + " days since the last order";
        }
        if (v instanceof java.util.Collection<?> items) {
            return items.stream().map(ReportText::readable).collect(java.util.stream.Collectors.joining("; ", "[", "]"));
        }
        if (v instanceof Record r) {
            List<String> parts = new ArrayList<>();
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    parts.add(c.getName() + " " + readable(c.getAccessor().invoke(r)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + c.getName(), e);
                }
            }
            return "(" + String.join(", ", parts) + ")";
        }
        return String.valueOf(v);
    }

    /** The stage name and its Chinese label; every label is four characters, so the columns line up. */
    private static String label(Stage s) {
        return String.format(Locale.ROOT, "%-12s  %s", s.name(), s.chinese());
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    private static String n(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "     -" : String.format(Locale.ROOT, "%5.1f%%", 100.0 * part / whole);
    }

    private void line(String format, Object... args) {
        out.append((args.length == 0 ? format : String.format(Locale.ROOT, format, args)).stripTrailing()).append('\n');
    }
}
