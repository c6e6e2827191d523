package dev.custflow.cli;

import dev.custflow.examples.CdnowHistory;
import dev.custflow.examples.CompanySimulator;
import dev.custflow.examples.EventHistory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/**
 * Which history {@code report} and {@code export} replay: the simulated company of {@code demo} (the default), a
 * host's own events, or the CDNOW purchase history.
 */
public final class HistoryOptions {
    @Option(names = "--events", paramLabel = "FILE",
            description = "replay these events instead (JSON Lines, as custflow replay reads them)")
    Path events;

    @Option(names = "--cdnow", paramLabel = "PATH",
            description = "replay the CDNOW purchase history instead: the file " + CdnowHistory.FILE_NAME
                    + " or its folder (e.g. ../shared/data/cdnow)")
    Path cdnow;

    @Option(names = "--customers", paramLabel = "N", defaultValue = "3000",
            description = "the simulated company: leads arriving over the year (default: ${DEFAULT-VALUE})")
    int customers;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "the simulated company: random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--days", paramLabel = "N", defaultValue = "365",
            description = "the simulated company: days simulated (default: ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--start", paramLabel = "DATE", defaultValue = "2025-01-01",
            description = "the simulated company: first day (default: ${DEFAULT-VALUE})")
    LocalDate start;

    /**
     * Refuses both --events and --cdnow at once, in the reader's language.
     *
     * @param command the command's name, for the message
     * @param err     where to say it
     * @param locale  the reader's language
     * @return true when both were given (the command stops with {@link CommandErrors#EXIT})
     */
    boolean conflicting(String command, java.io.PrintWriter err, java.util.Locale locale) {
        if (events != null && cdnow != null) {
            err.println("custflow " + command + ": " + CommandErrors.text(locale, "history.eventsOrCdnow"));
            return true;
        }
        return false;
    }

    /**
     * @return the history asked for
     * @throws IOException if a file cannot be read
     */
    EventHistory load() throws IOException {
        if (events != null) {
            return EventsFileHistory.load(events);
        }
        if (cdnow != null) {
            return CdnowHistory.load(cdnow);
        }
        return CompanySimulator.of(CompanySimulator.Config.ofDefaults().withCustomers(customers).withSeed(seed)
                .withDays(days).withStart(start));
    }

    /** @return the file read (--events or --cdnow), or null for the simulated company */
    Path file() {
        return events != null ? events : cdnow;
    }
}
