package dev.custflow.spi;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The timers the library ships. */
public final class Timers {
    private Timers() {
    }

    /**
     * A timer on one daemon thread, {@code custflow-timer}, that waits until the clock reads the time asked for
     * (the delay is taken from {@code clock} when the wake-up is asked for; if the wake-up runs early because the
     * clock was set back, the engine finds nothing due yet and asks again).
     *
     * @param clock the clock the engine runs on, usually {@link InstantSource#system()}
     * @return a new timer
     */
    public static Timer system(InstantSource clock) {
        return new SystemTimer(Objects.requireNonNull(clock, "clock"));
    }

    private static final class SystemTimer implements Timer {
        private final InstantSource clock;
        private final ScheduledThreadPoolExecutor executor;
        private ScheduledFuture<?> pending;

        SystemTimer(InstantSource clock) {
            this.clock = clock;
            this.executor = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "custflow-timer");
                t.setDaemon(true);
                return t;
            });
            executor.setRemoveOnCancelPolicy(true);
        }

        @Override
        public synchronized void wakeAt(Instant at, Runnable wake) {
            if (pending != null) {
                pending.cancel(false);
                pending = null;
            }
            if (at != null && !executor.isShutdown()) {
                long delay = Math.max(0, at.toEpochMilli() - clock.millis());
                pending = executor.schedule(wake, delay, TimeUnit.MILLISECONDS);
            }
        }

        @Override
        public synchronized void close() {
            executor.shutdownNow();
        }
    }
}
