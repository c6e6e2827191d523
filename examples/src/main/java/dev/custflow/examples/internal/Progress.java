package dev.custflow.examples.internal;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * How far a run has come, in days of event time (not in events: the number of events is only known
 * at the end, the period from the start). Either a terminal progress bar or nothing.
 */
public interface Progress extends AutoCloseable {

    /** @param clock the event time reached */
    void at(Instant clock);

    @Override
    void close();

    /** @return a progress that shows nothing */
    static Progress none() {
        return new Progress() {
            @Override
            public void at(Instant clock) {
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * @param out  where to draw the bar (standard error, so the report on standard output stays clean)
     * @param from the start of the period
     * @param to   its end
     * @param zone the zone in which to show the date reached
     * @return a progress bar over the period's days
     */
    static Progress bar(PrintStream out, Instant from, Instant to, ZoneId zone) {
        long days = Math.max(1, Duration.between(from, to).toDays());
        ProgressBar bar = new ProgressBarBuilder().setTaskName("custflow demo").setInitialMax(days)
                .setUnit(" days", 1).setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUpdateIntervalMillis(200)
                .setConsumer(new ConsoleProgressBarConsumer(out)).build();
        return new Progress() {
            @Override
            public void at(Instant clock) {
                bar.stepTo(Math.min(days, Math.max(0, Duration.between(from, clock).toDays())));
                bar.setExtraMessage(LocalDate.ofInstant(clock, zone).toString());
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }
}
