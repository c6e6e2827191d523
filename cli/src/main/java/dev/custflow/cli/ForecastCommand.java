package dev.custflow.cli;

import dev.custflow.Custflow;
import dev.custflow.examples.CdnowHistory;
import dev.custflow.examples.CompanySimulator;
import dev.custflow.examples.DataFileException;
import dev.custflow.examples.ForecastReport;
import dev.custflow.settings.InvalidSettingsException;
import dev.custflow.RuleCompilationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code custflow forecast}: the revenue forecast of a history measured month by month against what happened, and
 * the weighted pipeline of the simulated company ({@link ForecastReport}, docs/forecast.md).
 */
@Command(name = "forecast", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Forecasts each month's revenue from the months before it only and prints it next to what "
                + "happened, with the mean absolute percentage error of the shipped method and of the naive "
                + "last-month baseline; for the simulated company also the weighted pipeline at mid-year against what "
                + "it went on to win. Methods and definitions: docs/forecast.md.",
                "With --cdnow it forecasts the real CDNOW purchase history instead (no engine run: its orders only).",
                "Exit code: 0 when the forecast was printed, 2 for a usage or data error."})
public final class ForecastCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--cdnow", paramLabel = "PATH",
            description = "forecast the CDNOW purchase history: the file " + CdnowHistory.FILE_NAME
                    + " or its folder (e.g. ../shared/data/cdnow)")
    Path cdnow;

    @Option(names = "--customers", paramLabel = "N", defaultValue = "3000",
            description = "leads arriving over the simulated year (default: ${DEFAULT-VALUE})")
    int customers;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "random seed of the simulated company (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = {"-q", "--quiet"}, description = "no progress bar")
    boolean quiet;

    @Mixin
    LocaleOption locale;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Locale l = locale.get();
        try {
            ForecastReport report;
            if (cdnow != null) {
                CdnowHistory history = CdnowHistory.load(cdnow);
                report = ForecastReport.ofOrders(history.description(), history.orders(), ZoneOffset.UTC);
            } else {
                // the bar needs a terminal; piped or redirected output gets the report only
                boolean bar = !quiet && System.console() != null;
                report = ForecastReport.run(CompanySimulator.of(CompanySimulator.Config.ofDefaults()
                        .withCustomers(customers).withSeed(seed)), Custflow.builder(), bar ? System.err : null);
            }
            out.print(report.toText(l));
            out.flush();
            return 0;
        } catch (IllegalArgumentException | NoSuchFileException | DataFileException | InvalidSettingsException
                 | RuleCompilationException e) {
            return CommandErrors.report("forecast", e, err, CommandErrors.text(l, "nothing.run"), l);
        } catch (IOException e) {
            err.println("custflow forecast: " + CommandErrors.text(l, "demo.cannotRead", cdnow, e.getMessage()));
            return CommandErrors.EXIT;
        }
    }
}
