package dev.custflow.benchmarks;

import dev.custflow.insights.Dimension;
import dev.custflow.insights.Granularity;
import dev.custflow.insights.Kpi;
import dev.custflow.insights.KpiBook;
import dev.custflow.insights.KpiQuery;
import dev.custflow.insights.KpiRow;
import dev.custflow.insights.Scope;
import dev.custflow.settings.Settings;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * KPIs at a million customers ({@code benchmarks/run kpi}): the cost of keeping the {@link KpiBook} up to date per
 * engine answer, and the time of its queries, against {@link PlainKpis} (a hand-written HashMap of counters doing
 * the same) in this JVM, over {@link KpiWorkload}'s year. The engine itself is not run: the history carries the
 * answers an engine would give, so that only the KPI work is measured. Prints medians and ratios of this thread's
 * CPU time.
 */
final class KpiBench {
    private static final Settings SETTINGS = Settings.ofDefaults();
    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final LocalDate TO = LocalDate.of(2026, 12, 31);

    private KpiBench() {
    }

    static void run(int customers, int rounds) {
        System.out.printf(Locale.ROOT, "%nKPIs: warm-up at %,d customers%n", Math.max(1, customers / 10));
        feed(new KpiWorkload(Math.max(1, customers / 10)), 1); // the JIT's warm-up
        KpiWorkload workload = new KpiWorkload(customers);
        System.out.printf(Locale.ROOT, "%nKPIs: %,d customers, %,d engine answers over a year and a half "
                + "(200 reps in 20 teams, 6 channels, 8 regions)%n", customers, workload.facts());
        Fed fed = feed(workload, rounds);
        queries(fed.book(), fed.plain());
    }

    record Fed(KpiBook book, PlainKpis plain) {
    }

    /** Feeds the whole history to a book and to the baseline, day by day alternately; prints the cost per answer. */
    private static Fed feed(KpiWorkload workload, int rounds) {
        double[] bookNs = new double[rounds];
        double[] plainNs = new double[rounds];
        KpiBook book = null;
        PlainKpis plain = null;
        long bookHeap = 0;
        long plainHeap = 0;
        for (int round = 0; round < rounds; round++) {
            book = null;
            plain = null;
            long before = usedHeap();
            KpiBook b = KpiBook.builder().settings(SETTINGS).build();
            long t = 0;
            List<KpiWorkload.Fact> reps = workload.reps();
            t += feedBook(b, reps);
            for (int d = 0; d < workload.days(); d++) {
                t += feedBook(b, workload.day(d));
            }
            bookNs[round] = (double) t / workload.facts();
            bookHeap = usedHeap() - before;
            book = b;

            PlainKpis p = new PlainKpis(SETTINGS.timeZone(), SETTINGS.scoring().mqlThreshold());
            before = usedHeap();
            t = feedPlain(p, reps);
            for (int d = 0; d < workload.days(); d++) {
                t += feedPlain(p, workload.day(d));
            }
            plainNs[round] = (double) t / workload.facts();
            plainHeap = usedHeap() - before;
            plain = p;
            if (round < rounds - 1) {
                book = null;
                plain = null;
            }
        }
        agree(book, plain);
        double b = Bench.median(bookNs);
        double p = Bench.median(plainNs);
        System.out.printf(Locale.ROOT, "  update per engine answer: book %.0f ns, baseline %.0f ns, ratio %.2fx "
                + "(median of %d rounds)%n", b, p, b / p, rounds);
        System.out.printf(Locale.ROOT, "  heap after the history: book %,d MB, baseline %,d MB (customers, orders "
                + "and counters)%n", bookHeap >> 20, plainHeap >> 20);
        return new Fed(book, plain);
    }

    private static long feedBook(KpiBook book, List<KpiWorkload.Fact> facts) {
        long t0 = cpu();
        for (KpiWorkload.Fact f : facts) {
            if (f.event() == null) {
                book.recordTimeActions(f.result());
            } else {
                book.record(f.event(), f.result());
            }
        }
        return cpu() - t0;
    }

    private static long feedPlain(PlainKpis plain, List<KpiWorkload.Fact> facts) {
        long t0 = cpu();
        for (KpiWorkload.Fact f : facts) {
            if (f.event() == null) {
                plain.recordTimeActions(f.result());
            } else {
                plain.record(f.event(), f.result());
            }
        }
        return cpu() - t0;
    }

    /** The ratios compare equal work only if both count the same: stop if they do not. */
    private static void agree(KpiBook book, PlainKpis plain) {
        List<KpiRow> rows = book.kpis(Scope.everything(), KpiQuery.of(Granularity.MONTH, FROM, TO.plusMonths(6)));
        List<java.math.BigDecimal[]> base = plain.rows("*", 0, 2, PlainKpis.period(2, FROM),
                PlainKpis.period(2, TO.plusMonths(6)));
        Kpi[] order = {Kpi.LEADS, Kpi.MQLS, Kpi.MQL_RATE, Kpi.PROSPECTS, Kpi.LEAD_TO_PROSPECT, Kpi.OPPORTUNITIES,
                Kpi.PROSPECT_TO_OPPORTUNITY, Kpi.NEW_CUSTOMERS, Kpi.OPPORTUNITY_TO_CUSTOMER, Kpi.LEAD_TO_CUSTOMER,
                Kpi.SALES_CYCLE_DAYS, Kpi.FIRST_RESPONSE_SLA, Kpi.ON_TIME_DELIVERY, Kpi.CSAT, Kpi.NPS,
                Kpi.REPEAT_PURCHASE_RATE, Kpi.CHURN_RATE, Kpi.WIN_BACK_RATE, Kpi.ORDERS, Kpi.REVENUE,
                Kpi.AVERAGE_ORDER_VALUE};
        if (rows.size() != base.size()) {
            throw new IllegalStateException("book and baseline have " + rows.size() + " and " + base.size()
                    + " months");
        }
        for (int i = 0; i < rows.size(); i++) {
            for (int k = 0; k < order.length; k++) {
                java.math.BigDecimal a = rows.get(i).get(order[k]).value();
                java.math.BigDecimal e = base.get(i)[k];
                if (a == null ? e != null : e == null || a.compareTo(e) != 0) {
                    throw new IllegalStateException("book and baseline differ on " + order[k] + " in "
                            + rows.get(i).period() + ": " + a + " and " + e);
                }
            }
        }
        System.out.printf(Locale.ROOT, "  book and baseline agree on %d KPIs x %d months%n", order.length,
                rows.size());
    }

    private static void queries(KpiBook book, PlainKpis plain) {
        int m0 = PlainKpis.period(2, FROM);
        int m1 = PlainKpis.period(2, TO);
        query("a year by month, everything, overall",
                () -> book.kpis(Scope.everything(), KpiQuery.of(Granularity.MONTH, FROM, TO)).size(),
                () -> plain.rows("*", 0, 2, m0, m1).size());
        query("a year by month, everything, per rep",
                () -> book.kpis(Scope.everything(), KpiQuery.of(Granularity.MONTH, FROM, TO).by(Dimension.REP)).size(),
                () -> plain.rows("*", 1, 2, m0, m1).size());
        query("a year by ISO week, one team, per rep",
                () -> book.kpis(Scope.team("team-3"), KpiQuery.of(Granularity.WEEK, FROM, TO).by(Dimension.REP))
                        .size(),
                () -> plain.rows("T:team-3", 1, 1, PlainKpis.period(1, FROM), PlainKpis.period(1, TO)).size());
        query("a year by day, one rep, per channel",
                () -> book.kpis(Scope.rep("rep-7"), KpiQuery.of(Granularity.DAY, FROM, TO).by(Dimension.CHANNEL))
                        .size(),
                () -> plain.rows("R:rep-7", 3, 0, PlainKpis.period(0, FROM), PlainKpis.period(0, TO)).size());
        query("a quarter, everything, per region",
                () -> book.kpis(Scope.everything(), KpiQuery.of(Granularity.QUARTER, LocalDate.of(2026, 10, 1),
                        LocalDate.of(2026, 10, 1)).by(Dimension.REGION)).size(),
                () -> plain.rows("*", 4, 3, PlainKpis.period(3, LocalDate.of(2026, 10, 1)),
                        PlainKpis.period(3, LocalDate.of(2026, 10, 1))).size());
        query("one rep's customer list, masked",
                () -> book.customers(Scope.rep("rep-7")).size(),
                () -> plain.customersOf("rep-7").size());
    }

    private static void query(String what, Supplier<Integer> book, Supplier<Integer> plain) {
        int n = 21;
        double[] b = new double[n];
        double[] p = new double[n];
        int rows = 0;
        for (int i = -5; i < n; i++) {
            long t0 = cpu();
            int r = book.get();
            long t1 = cpu();
            int q = plain.get();
            long t2 = cpu();
            if (r != q) {
                throw new IllegalStateException(what + ": book " + r + " rows, baseline " + q);
            }
            if (i >= 0) {
                b[i] = (t1 - t0) / 1e6;
                p[i] = (t2 - t1) / 1e6;
                rows = r;
            }
        }
        System.out.printf(Locale.ROOT, "  query %-52s book %8.2f ms, baseline %8.2f ms, ratio %5.2fx (%,d rows)%n",
                what, Bench.median(b), Bench.median(p), Bench.median(b) / Bench.median(p), rows);
    }

    /**
     * Time is measured as this thread's CPU time, not wall time: on a shared machine the wall clock counts the time
     * other processes had the cores, which would blur small timings (BENCHMARKS.md says so).
     */
    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
