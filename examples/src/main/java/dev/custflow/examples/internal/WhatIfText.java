package dev.custflow.examples.internal;

import dev.custflow.action.Action;
import dev.custflow.examples.WhatIfReport;
import dev.custflow.examples.WhatIfReport.Change;
import dev.custflow.examples.WhatIfReport.ChurnOutcome;
import dev.custflow.examples.WhatIfReport.OrderedAgain;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Lays a {@link WhatIfReport} out for a terminal, in the manner of the demo's {@link ReportText}. */
public final class WhatIfText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final int RULE_WIDTH = 52;

    private final StringBuilder out = new StringBuilder(4096);

    private WhatIfText() {
    }

    /**
     * @param r the report
     * @return the text, lines ending in {@code \n}
     */
    public static String format(WhatIfReport r) {
        WhatIfText t = new WhatIfText();
        t.header(r);
        t.changes(r);
        t.churn(r);
        t.examples(r);
        return t.out.toString();
    }

    private void header(WhatIfReport r) {
        line("Custflow what-if: %s", r.description());
        line("  base:     %s (%s)", r.baseLabel(), Columns.count(r.baseRules(), "rule"));
        line("  proposed: %s (%s)", r.proposedLabel(), Columns.count(r.proposedRules(), "rule"));
        for (WhatIfReport.SettingChange s : r.settingsChanged()) {
            line("    setting %s: %s -> %s", s.key(), s.base() == null ? "(none)" : s.base(),
                    s.proposed() == null ? "(none)" : s.proposed());
        }
        r.rulesAdded().forEach(name -> line("    rule added: %s", name));
        r.rulesRemoved().forEach(name -> line("    rule no longer loaded: %s", name));
        if (r.settingsChanged().isEmpty() && r.rulesAdded().isEmpty() && r.rulesRemoved().isEmpty()) {
            line("    (no setting differs and no rule name is new; rules of the folder may replace built-in rules)");
        }
        line("  %s events accepted, %s rejected, %s duplicates (the same events for both runs)", n(r.accepted()),
                n(r.rejected()), n(r.duplicates()));
        line("  actions: base %s, proposed %s; compared by customer, type, rule, what the action is about (cause",
                n(r.baseActions()), n(r.proposedActions()));
        line("  and level, template, task kind, stage, tag...) and the day (%s), not by action id", r.zone());
        line("");
    }

    private void changes(WhatIfReport r) {
        line("What would change: %s added, %s removed, for %s", Columns.count(r.added(), "action"), n(r.removed()),
                Columns.count(r.customersAffected(), "customer"));
        if (r.changes().isEmpty()) {
            line("  nothing: both runs gave the same actions");
            line("");
            return;
        }
        line("  %-" + (RULE_WIDTH + 2) + "s %10s %10s %10s %10s", "type / rule", "base", "proposed", "added",
                "removed");
        String type = null;
        for (Change c : r.changes()) {
            if (!c.type().equals(type)) {
                type = c.type();
                long[] total = new long[4];
                for (Change x : r.changes()) {
                    if (x.type().equals(type)) {
                        total[0] += x.base();
                        total[1] += x.proposed();
                        total[2] += x.added();
                        total[3] += x.removed();
                    }
                }
                line("  %s %10s %10s %10s %10s", Columns.pad(type, RULE_WIDTH + 2), n(total[0]), n(total[1]),
                        signed('+', total[2]), signed('-', total[3]));
            }
            line("    %s %10s %10s %10s %10s", Columns.pad(c.rule(), RULE_WIDTH), n(c.base()),
                    n(c.proposed()), signed('+', c.added()), signed('-', c.removed()));
        }
        line("  (only the types and rules whose actions differ)");
        line("");
    }

    private void churn(WhatIfReport r) {
        if (r.churnOutcomes().isEmpty()) {
            return;
        }
        int days = r.withinDays();
        line("Churn warnings and what the customers did next: the share with an order within %d days after the", days);
        line("warning, from the same history (warnings less than %d days before its end, %s, are not judged).",
                days, TIME.format(r.historyEnd().atZone(r.zone())));
        line("\"moved\": the other run warns too while this warning is open, on another day (a changed threshold");
        line("moves the day); \"new\" and \"dropped\": the other run has no warning of the cause for that stretch.");
        line("  %-32s %10s %10s %12s %8s", "cause", "warnings", "judged", "ordered", "share");
        for (ChurnOutcome o : r.churnOutcomes()) {
            line("  %s", o.cause());
            side("added", o.added());
            side("  of them new", o.addedNew());
            side("removed", o.removed());
            side("  of them dropped", o.removedOnly());
        }
        line("In short:");
        for (ChurnOutcome o : r.churnOutcomes()) {
            line("  %s", summary(o, days));
        }
        line("");
    }

    /**
     * The sentence: "the change adds 1,243 warnings, 80.0 % of them for customers who ordered again
     * within 30 days", counting the new ones (a warning only moved to another day is not added).
     */
    public static String summary(ChurnOutcome o, int days) {
        StringBuilder b = new StringBuilder(o.cause()).append(": the change ");
        b.append(part("adds", o.addedNew(), days)).append("; ").append(part("drops", o.removedOnly(), days));
        long moved = Math.max(o.addedMoved(), o.removedMoved());
        if (moved > 0) {
            b.append("; ").append(n(moved)).append(" warning").append(moved == 1 ? "" : "s")
                    .append(" only move to another day");
        }
        return b.append('.').toString();
    }

    private static String part(String verb, OrderedAgain s, int days) {
        if (s.warnings() == 0) {
            return verb + " none";
        }
        String text = verb + " " + n(s.warnings()) + " warning" + (s.warnings() == 1 ? "" : "s");
        if (s.judged() == 0) {
            return text + " (none can be judged: too close to the end of the history)";
        }
        return text + String.format(Locale.ROOT, ", %.1f %% of them for customers who ordered again within %d days",
                100 * s.share(), days);
    }

    private void side(String what, OrderedAgain s) {
        line("    %-30s %10s %10s %12s %8s", what, n(s.warnings()), n(s.judged()), n(s.orderedWithin()),
                s.judged() == 0 ? "-" : String.format(Locale.ROOT, "%.1f %%", 100 * s.share()));
    }

    private void examples(WhatIfReport r) {
        if (r.changes().isEmpty()) {
            return;
        }
        int shown = r.changes().stream().mapToInt(c -> Math.max(c.addedExamples().size(), c.removedExamples().size()))
                .max().orElse(0);
        if (shown == 0) {
            return;
        }
        line("Examples (the earliest added + and removed - of each rule, with their reasons)");
        ZoneId zone = r.zone();
        for (Change c : r.changes()) {
            line("  %s  %s", c.type(), c.rule());
            example('+', c.addedExamples(), zone);
            example('-', c.removedExamples(), zone);
        }
        line("");
    }

    private void example(char sign, List<Action> actions, ZoneId zone) {
        for (Action a : actions) {
            line("    %c %s  %-12s %s", sign, TIME.format(a.at().atZone(zone)),
                    a.customerId() == null ? "-" : a.customerId(), a.reason());
            String details = ReportText.details(a);
            if (!details.isEmpty()) {
                line("        {%s}", details);
            }
        }
    }

    private static String signed(char sign, long value) {
        return value == 0 ? "0" : sign + n(value);
    }

    private static String n(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private void line(String format, Object... args) {
        out.append((args.length == 0 ? format : String.format(Locale.ROOT, format, args)).stripTrailing()).append('\n');
    }
}
