package dev.custflow.benchmarks;

import dev.custflow.BatchResult;
import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.RulePack;
import dev.custflow.action.Action;
import dev.custflow.event.ClockTick;
import dev.custflow.event.Event;
import dev.custflow.settings.Settings;
import dev.custflow.spi.AuditEntry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * W2's engine side alone, for profiling a daily tick (JFR) and for checking that a change leaves every decision as
 * it was: {@code W2Ticks [customers] [warm-up ticks] [timed ticks] [en|zh]}. Loads W2's customers, runs the ticks
 * one a day, prints each timed tick's median wall and CPU time (this thread: one partition runs on the caller's
 * thread, so a loaded machine shows less in it) and a digest of every action and audit entry in order (ids, reasons,
 * causes), which must not change with an optimisation. With {@code -Dw2.jfr=FILE}, a JFR recording of the timed ticks.
 */
public final class W2Ticks {
    private W2Ticks() {
    }

    public static void main(String[] args) throws Exception {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int warm = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int timed = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        Locale locale = args.length > 3 && args[3].equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        Settings settings = Settings.ofDefaults();
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        List<AuditEntry> audited = new ArrayList<>(); // digested after each tick, outside its time
        Engine engine = Custflow.builder().packs(RulePack.LIFECYCLE).settings(settings).partitions(1)
                .locale(locale).auditTrailSize(1)
                .auditLog(audited::add).build();
        List<Event> orders = Workload.oneOrderEach(customers, 100, 2);
        for (int i = 0; i < orders.size(); i += 10_000) {
            engine.acceptAll(orders.subList(i, Math.min(orders.size(), i + 10_000)));
            audited.clear();
        }
        orders = null;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] wall = new double[timed];
        double[] cpu = new double[timed];
        long woken = 0;
        String jfr = System.getProperty("w2.jfr"); // a recording of the timed ticks only, for a profile
        jdk.jfr.Recording recording = null;
        for (int d = 0; d < warm + timed; d++) {
            if (d == warm && jfr != null) {
                recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
                recording.start();
            }
            ClockTick tick = new ClockTick("tick-" + d, Workload.day(settings.lifecycle().dormantAfterDays() + 50 + d));
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            BatchResult r = engine.acceptAll(List.of(tick));
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            for (Action a : r.actions()) {
                digest.update((a.toString() + '\n').getBytes(StandardCharsets.UTF_8));
            }
            for (AuditEntry e : audited) {
                digest.update((e.toString() + '\n').getBytes(StandardCharsets.UTF_8));
            }
            audited.clear();
            woken += r.actions().size();
            if (d >= warm) {
                wall[d - warm] = (t1 - t0) / 1e6;
                cpu[d - warm] = (c1 - c0) / 1e6;
            }
        }
        if (recording != null) {
            recording.stop();
            recording.dump(java.nio.file.Path.of(jfr));
        }
        engine.close();
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "W2Ticks %,d customers, %d+%d ticks, %,d actions: median wall %.1f ms "
                        + "(fastest %.1f), median CPU %.1f ms (fastest %.1f); digest %s%n", customers, warm, timed, woken,
                wall[timed / 2], wall[0], cpu[timed / 2], cpu[0], HexFormat.of().formatHex(digest.digest()));
    }
}
