package dev.custflow.examples.internal;

import dev.custflow.action.Action;
import dev.custflow.examples.WhatIfReport;
import dev.custflow.examples.WhatIfReport.Change;
import dev.custflow.examples.WhatIfReport.ChurnOutcome;
import dev.custflow.examples.WhatIfReport.OrderedAgain;
import dev.custflow.text.DisplayWidth;
import dev.custflow.text.Wording;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Lays a {@link WhatIfReport} out for a terminal, in the manner of the demo's {@link ReportText}. */
public final class WhatIfText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final int RULE_WIDTH = 52;

    private final StringBuilder out = new StringBuilder(4096);
    private final Wording w;

    private WhatIfText(Locale locale) {
        this.w = wording(locale);
    }

    /**
     * @param r the report
     * @return the text in English, lines ending in {@code \n}
     */
    public static String format(WhatIfReport r) {
        return format(r, Locale.ENGLISH);
    }

    /**
     * @param r      the report
     * @param locale the reader's language, Chinese or English; the numbers are the same in both
     * @return the text, lines ending in {@code \n}
     */
    public static String format(WhatIfReport r, Locale locale) {
        WhatIfText t = new WhatIfText(locale);
        t.header(r);
        t.changes(r);
        t.churn(r);
        t.examples(r);
        return t.out.toString();
    }

    private void header(WhatIfReport r) {
        line("%s", t("header.title", r.description()));
        line("  %s", t("header.base", r.baseLabel(), count(r.baseRules(), "rules")));
        line("  %s", t("header.proposed", r.proposedLabel(), count(r.proposedRules(), "rules")));
        for (WhatIfReport.SettingChange s : r.settingsChanged()) {
            line("    %s", t("header.setting", s.key(), s.base() == null ? t("none") : s.base(),
                    s.proposed() == null ? t("none") : s.proposed()));
        }
        r.rulesAdded().forEach(name -> line("    %s", t("header.ruleAdded", name)));
        r.rulesRemoved().forEach(name -> line("    %s", t("header.ruleRemoved", name)));
        if (r.settingsChanged().isEmpty() && r.rulesAdded().isEmpty() && r.rulesRemoved().isEmpty()) {
            line("    %s", t("header.noDifference"));
        }
        line("  %s", t("header.events", n(r.accepted()), n(r.rejected()), n(r.duplicates())));
        line("  %s", t("header.actions1", n(r.baseActions()), n(r.proposedActions())));
        line("  %s", t("header.actions2", r.zone()));
        line("");
    }

    private void changes(WhatIfReport r) {
        line("%s", t("changes.title", count(r.added(), "actions"), n(r.removed()),
                count(r.customersAffected(), "customers")));
        if (r.changes().isEmpty()) {
            line("  %s", t("changes.nothing"));
            line("");
            return;
        }
        line("  %s %s %s %s %s", Columns.pad(t("changes.typeRule"), RULE_WIDTH + 2),
                DisplayWidth.padLeft(t("changes.base"), 10), DisplayWidth.padLeft(t("changes.proposed"), 10),
                DisplayWidth.padLeft(t("changes.added"), 10), DisplayWidth.padLeft(t("changes.removed"), 10));
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
        line("  %s", t("changes.only"));
        line("");
    }

    private void churn(WhatIfReport r) {
        if (r.churnOutcomes().isEmpty()) {
            return;
        }
        int days = r.withinDays();
        line("%s", t("churn.title1", days));
        line("%s", t("churn.title2", days, TIME.format(r.historyEnd().atZone(r.zone()))));
        line("%s", t("churn.title3"));
        line("%s", t("churn.title4"));
        line("  %s %s %s %s %s", DisplayWidth.padRight(t("churn.cause"), 32),
                DisplayWidth.padLeft(t("churn.warnings"), 10), DisplayWidth.padLeft(t("churn.judged"), 10),
                DisplayWidth.padLeft(t("churn.ordered"), 12), DisplayWidth.padLeft(t("churn.share"), 8));
        for (ChurnOutcome o : r.churnOutcomes()) {
            line("  %s", o.cause());
            side(t("churn.added"), o.added());
            side("  " + t("churn.addedNew"), o.addedNew());
            side(t("churn.removed"), o.removed());
            side("  " + t("churn.removedOnly"), o.removedOnly());
        }
        line("%s", t("churn.inShort"));
        for (ChurnOutcome o : r.churnOutcomes()) {
            line("  %s", summary(o, days, w));
        }
        line("");
    }

    /**
     * The sentence: "the change adds 1,243 warnings, 80.0 % of them for customers who ordered again
     * within 30 days", counting the new ones (a warning only moved to another day is not added).
     */
    public static String summary(ChurnOutcome o, int days) {
        return summary(o, days, wording(Locale.ENGLISH));
    }

    private static String summary(ChurnOutcome o, int days, Wording w) {
        String adds = part(w, "adds", o.addedNew(), days);
        String drops = part(w, "drops", o.removedOnly(), days);
        long moved = Math.max(o.addedMoved(), o.removedMoved());
        return moved == 0 ? w.text("summary", o.cause(), adds, drops)
                : w.text("summary.moved", o.cause(), adds, drops, w.text(moved == 1 ? "summary.movedWarnings.one"
                : "summary.movedWarnings.other", n(moved)));
    }

    private static String part(Wording w, String verb, OrderedAgain s, int days) {
        if (s.warnings() == 0) {
            return w.text(verb + ".none");
        }
        String warnings = w.text(s.warnings() == 1 ? "warnings.one" : "warnings.other", n(s.warnings()));
        if (s.judged() == 0) {
            return w.text(verb + ".notJudged", warnings);
        }
        return w.text(verb + ".judged", warnings, 100 * s.share(), days);
    }

    private void side(String what, OrderedAgain s) {
        line("    %s %10s %10s %12s %8s", DisplayWidth.padRight(what, 30), n(s.warnings()), n(s.judged()),
                n(s.orderedWithin()),
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
        line("%s", t("examples.title"));
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

    private String t(String key, Object... args) {
        return w.text(key, args);
    }

    /** @return e.g. {@code 1 customer}, {@code 1,024 customers}, {@code 1,024 个客户} */
    private String count(long value, String noun) {
        return t(noun + (value == 1 ? ".one" : ".other"), n(value));
    }

    private static Wording wording(Locale locale) {
        return Wording.of(WhatIfText.class, "whatif", locale);
    }

    private static String n(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private void line(String format, Object... args) {
        out.append((args.length == 0 ? format : String.format(Locale.ROOT, format, args)).stripTrailing()).append('\n');
    }
}
