package dev.custflow.examples.internal;

import dev.custflow.Rejection;
import dev.custflow.action.Action;
import dev.custflow.action.AtRiskDigest;
import dev.custflow.examples.DemoReport;
import dev.custflow.model.Stage;
import dev.custflow.text.DisplayWidth;
import dev.custflow.text.Wording;
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
    private final Wording w;

    private ReportText(Locale locale) {
        this.w = Wording.of(ReportText.class, "report", locale);
    }

    /**
     * @param report the report
     * @return the text in English, lines ending in {@code \n}
     */
    public static String format(DemoReport report) {
        return format(report, Locale.ENGLISH);
    }

    /**
     * @param report the report
     * @param locale the reader's language, Chinese or English: headings and notes in it, the same numbers
     * @return the text, lines ending in {@code \n}
     */
    public static String format(DemoReport report, Locale locale) {
        ReportText t = new ReportText(locale);
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
        line("%s", t("header.title", run.description()));
        line("  %s", t("header.counts", n(r.accepted()), n(r.rejected()), n(r.duplicates()), n(r.actions())));
        line("  %s", t(run.partitions() == 1 ? "header.engine.one" : "header.engine.other", n(run.rules()),
                n(run.partitions()), run.build().toMillis() / 1e3, run.run().toMillis() / 1e3,
                n(Math.round(r.eventsPerSecond()))));
        line("  %s", t("header.zone", run.zone()));
        line("");
    }

    private void stages(DemoReport r) {
        line("%s", t("stages.title", n(r.customers())));
        for (Map.Entry<Stage, Integer> e : r.customersPerStage().entrySet()) {
            line("  %s  %8s  %6s", label(e.getKey()), n(e.getValue()), percent(e.getValue(), r.customers()));
        }
        if (r.customersWithoutStage() > 0) {
            line("  %s  %8s  %6s", DisplayWidth.padRight(t("stages.none"), 22), n(r.customersWithoutStage()),
                    percent(r.customersWithoutStage(), r.customers()));
        }
        line("");
    }

    private void conversion(DemoReport r) {
        line("%s", t("conversion.title"));
        for (DemoReport.Conversion c : r.conversion()) {
            String rate = c.stage() == DemoReport.MAIN_PATH.get(0) ? ""
                    : Double.isNaN(c.rate()) ? "     -" : String.format(Locale.ROOT, "%5.1f%%", 100 * c.rate());
            line("  %s  %8s  %s", label(c.stage()), n(c.reached()), rate);
        }
        int bought = r.everInStage().get(Stage.CUSTOMER);
        int dormant = r.everInStage().get(Stage.DORMANT);
        int disqualified = r.everInStage().get(Stage.DISQUALIFIED);
        line("  %s", t("conversion.side"));
        line("  %s  %8s  %s", label(Stage.DORMANT), n(dormant), t("conversion.ofCustomers", percent(dormant, bought)));
        if (disqualified > 0) {
            line("  %s  %8s  %s", label(Stage.DISQUALIFIED), n(disqualified),
                    t("conversion.ofLeads", percent(disqualified, r.everInStage().get(Stage.LEAD))));
        }
        for (Stage ended : List.of(Stage.NURTURE, Stage.LOST)) { // a lead's life ends: recycled or lost
            int ever = r.everInStage().get(ended);
            if (ever > 0) {
                line("  %s  %8s  %s", label(ended), n(ever),
                        t("conversion.ofLeads", percent(ever, r.everInStage().get(Stage.LEAD))));
            }
        }
        line("");
    }

    private void funnel(DemoReport r) {
        if (r.leadFunnel().isEmpty()) {
            return;
        }
        line("%s", t("funnel.title1"));
        line("  %s", t("funnel.title2"));
        line("  %s", t("funnel.title3"));
        line("  %s", columns(new int[] {-12, 8, 15, 15, 15, 15}, t("funnel.channel"), t("funnel.leads"), "MQL",
                "PROSPECT", t("funnel.opportunity"), "CUSTOMER"));
        long[] total = new long[DemoReport.FUNNEL_STEPS.size()];
        r.leadFunnel().forEach((channel, row) -> {
            funnelRow(channel, row);
            for (int k = 0; k < row.length; k++) {
                total[k] += row[k];
            }
        });
        funnelRow(t("all"), total);
        line("");
    }

    /** How often sales heard of a lead's score, and how the referral loop closed. */
    private void leadNews(DemoReport r) {
        long[] m = r.leadScoredPerLeadMonth();
        long months = m[0] + m[1] + m[2] + m[3];
        if (months > 0) {
            line("%s", t("news.title", n(months), n(m[4])));
            line("  %s", t("news.counts", n(m[0]), percent(m[0], months).strip(), n(m[1]),
                    percent(m[1], months).strip(), n(m[2]), percent(m[2], months).strip(), n(m[3]),
                    percent(m[3], months).strip()));
        }
        long[] ref = r.referrals();
        if (ref[0] + ref[2] > 0) {
            line("%s", t("news.referrals", n(ref[0]), n(ref[1]), n(ref[2]), n(ref[3])));
        }
        if (months > 0 || ref[0] + ref[2] > 0) {
            line("");
        }
    }

    private void assignment(DemoReport r) {
        if (r.assignmentPerRep().isEmpty()) {
            return;
        }
        line("%s", t("assign.title1"));
        line("  %s", t("assign.title2"));
        line("  %s", columns(new int[] {-12, 8, 12, 15, 15, 11}, t("assign.rep"), t("assign.given"),
                t("assign.reassigned"), t("assign.inTime"), t("assign.escalated"), t("assign.takenAway")));
        long[] total = new long[5];
        for (DemoReport.RepWork w : r.assignmentPerRep().values()) {
            repRow(w.repId(), w.given(), w.reassignedTo(), w.inTime(), w.escalated(), w.takenAway());
            total[0] += w.given();
            total[1] += w.reassignedTo();
            total[2] += w.inTime();
            total[3] += w.escalated();
            total[4] += w.takenAway();
        }
        repRow(t("all"), total[0], total[1], total[2], total[3], total[4]);
        DemoReport.Unassigned u = r.unassigned();
        if (u.leads() > 0) {
            line("  %s %8s   %s", DisplayWidth.padRight(t("assign.noRep"), 12), n(u.leads()),
                    t("assign.noRepLine", n(u.disqualified()), n(u.waiting()), n(u.bought())));
        }
        if (r.merged() > 0) {
            line("  %s", t("assign.merged", n(r.merged())));
        }
        r.assignmentNotes(w.locale()).forEach(note -> line("  %s", note));
        line("");
        months(r);
        routes(r);
    }

    private void months(DemoReport r) {
        if (r.assignmentPerMonth().isEmpty()) {
            return;
        }
        line("%s", t("months.title1"));
        line("  %s", t("months.title2"));
        line("  %s", columns(new int[] {-8, 9, 9, 7, 9, 14}, t("months.month"), t("months.captured"),
                t("months.assigned"), "", t("months.waiting"), t("months.oldest")));
        for (DemoReport.Month m : r.assignmentPerMonth()) {
            String share = Double.isNaN(m.assignedShare()) ? "-"
                    : String.format(Locale.ROOT, "%5.1f%%", 100 * m.assignedShare());
            line("  %-8s %9s %9s %7s %9s %s", m.month(), n(m.captured()), n(m.assigned()), share,
                    n(m.waitingAtEnd()), m.waitingAtEnd() == 0 ? DisplayWidth.padLeft("-", 14) : age(m.oldestWaiting(), 14));
        }
        line("");
    }

    private void routes(DemoReport r) {
        if (r.waitingPerRoute().isEmpty()) {
            if (!r.assignmentPerMonth().isEmpty()) {
                line("%s", t("routes.none"));
                line("");
            }
            return;
        }
        line("%s", t("routes.title"));
        line("  %s", columns(new int[] {-16, 8, 12, 14, 14}, t("routes.route"), t("routes.waited"),
                t("routes.waitingNow"), t("routes.oldestNow"), t("routes.longest")));
        r.waitingPerRoute().values().forEach(x -> line("  %s %8s %12s %s %s", Columns.pad(x.route(), 16),
                n(x.waited()), n(x.waitingNow()), x.waitingNow() == 0 ? DisplayWidth.padLeft("-", 14)
                : age(x.oldestNow(), 14), x.longest().isZero() ? DisplayWidth.padLeft("-", 14) : age(x.longest(), 14)));
        line("");
    }

    /** A wait as days and hours, e.g. {@code 3 d 4 h}, or hours and minutes under a day, right-aligned. */
    private String age(java.time.Duration d, int width) {
        long hours = d.toHours();
        return DisplayWidth.padLeft(hours >= 24 ? t("age.days", hours / 24, hours % 24)
                : t("age.hours", hours, d.toMinutesPart()), width);
    }

    /**
     * @param widths each column's width in display columns, negative for left-aligned
     * @param cells  the cells
     * @return the cells padded by display width (a Chinese heading takes two columns a character), space apart
     */
    private static String columns(int[] widths, String... cells) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < cells.length; k++) {
            b.append(k == 0 ? "" : " ").append(widths[k] < 0 ? DisplayWidth.padRight(cells[k], -widths[k])
                    : DisplayWidth.padLeft(cells[k], widths[k]));
        }
        return b.toString();
    }

    private void repRow(String rep, long given, long reassigned, long inTime, long escalated, long takenAway) {
        line("  %s %8s %12s %7s (%5s) %7s (%5s) %11s", Columns.pad(rep, 12), n(given), n(reassigned), n(inTime),
                percent(inTime, given).strip(), n(escalated), percent(escalated, given).strip(), n(takenAway));
    }

    private void funnelRow(String channel, long[] row) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  %s %8s", Columns.pad(channel, 12),
                n(row[0])));
        for (int k = 1; k < row.length; k++) {
            b.append(String.format(Locale.ROOT, " %7s (%5s)", n(row[k]), percent(row[k], row[0]).strip()));
        }
        line("%s", b);
    }

    private void actions(DemoReport r) {
        line("%s", t("actions.title", n(r.actions())));
        int width = 20;
        for (Map.Entry<String, Map<String, Long>> type : r.actionsByTypeAndRule().entrySet()) {
            for (String rule : type.getValue().keySet()) {
                width = Math.max(width, Math.min(72, Columns.width(rule) + 2));
            }
        }
        for (Map.Entry<String, Map<String, Long>> type : r.actionsByTypeAndRule().entrySet()) {
            line("  %-" + (width + 2) + "s %9s", type.getKey(), n(r.actionCount(type.getKey())));
            for (Map.Entry<String, Long> rule : type.getValue().entrySet()) {
                line("    %s %9s", Columns.pad(rule.getKey(), width), n(rule.getValue()));
            }
        }
        if (r.actions() == 0) {
            line("  %s", t("none"));
        }
        line("");
    }

    private void segments(DemoReport r) {
        if (r.customersPerSegment().isEmpty()) {
            return;
        }
        int scored = r.customersPerSegment().values().stream().mapToInt(Integer::intValue).sum();
        line("%s", t("segments.title", n(scored)));
        r.customersPerSegment().forEach((s, count) -> line("  %-12s %9s  %6s  %s", s.name(), n(count),
                percent(count, scored), s.chinese())); // Chinese last: its width would break the columns
        line("");
    }

    private void churn(DemoReport r) {
        if (r.churnByCause().isEmpty()) {
            return;
        }
        line("%s", t("churn.title"));
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
        StringBuilder head = new StringBuilder("  " + DisplayWidth.padRight(t("churn.cause"), 22));
        shown.forEach(k -> head.append(String.format(Locale.ROOT, " %9s", levels[k])));
        line("%s %s", head, DisplayWidth.padLeft(t("churn.cleared"), 9));
        r.churnByCause().forEach((cause, c) -> {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-22s", cause));
            shown.forEach(k -> row.append(String.format(Locale.ROOT, " %9s", n(c[k]))));
            line("%s %9s", row, n(c[3]));
        });
        if (!none.isEmpty()) {
            line("  %s", t("churn.noLevel", String.join(t("or"), none)));
        }
        line("");
    }

    private void messages(DemoReport r) {
        if (r.messagesSent().isEmpty() && r.heldBack().isEmpty()) {
            return;
        }
        line("%s", t("messages.sent"));
        r.messagesSent().forEach((what, count) -> line("  %-62s %9s", what, n(count)));
        if (r.messagesSent().isEmpty()) {
            line("  %s", t("none"));
        }
        line("%s", t("messages.held"));
        r.heldBack().forEach((what, count) -> line("  %-76s %9s", clip(what, 76), n(count)));
        if (r.heldBack().isEmpty()) {
            line("  %s", t("none"));
        }
        line("");
    }

    private void examples(DemoReport r, ZoneId zone) {
        if (r.latestExamples().isEmpty()) {
            return;
        }
        line("%s", t("examples.title", DemoReport.EXAMPLES_PER_TYPE, zone));
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
        line("%s", t("rejections.title", n(r.rejected()), r.rejections().size()));
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

    private String t(String key, Object... args) {
        return w.text(key, args);
    }

    private void line(String format, Object... args) {
        out.append((args.length == 0 ? format : String.format(Locale.ROOT, format, args)).stripTrailing()).append('\n');
    }
}
