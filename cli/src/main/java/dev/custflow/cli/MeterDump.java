package dev.custflow.cli;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The engine's meters at the end of a run, one line each, as {@code name{tag=value} figure}: the names and tags a
 * host's registry shows (docs/metrics.md), so the figures read the same here and on a dashboard.
 */
final class MeterDump {
    private MeterDump() {
    }

    static void print(MeterRegistry registry, PrintWriter out) {
        List<Meter> meters = registry.getMeters().stream()
                .sorted(Comparator.comparing((Meter m) -> m.getId().getName()).thenComparing(MeterDump::tags))
                .toList();
        for (Meter m : meters) {
            out.println(line(m));
        }
        out.flush();
    }

    static String line(Meter m) {
        String id = m.getId().getName() + tags(m);
        if (m instanceof Counter c) {
            return id + " " + (long) c.count();
        }
        if (m instanceof Timer t) {
            return String.format("%s count=%d mean=%.3fms max=%.3fms total=%.3fs", id, t.count(),
                    t.mean(TimeUnit.MILLISECONDS), t.max(TimeUnit.MILLISECONDS), t.totalTime(TimeUnit.SECONDS));
        }
        if (m instanceof Gauge g) {
            return id + " " + (long) g.value();
        }
        return id;
    }

    private static String tags(Meter m) {
        List<Tag> tags = m.getId().getTags();
        return tags.isEmpty() ? "" : tags.stream().map(t -> t.getKey() + "=" + t.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }
}
