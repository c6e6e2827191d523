package dev.custflow.cli;

import dev.custflow.RuleCompilationException;
import dev.custflow.examples.DataFileException;
import dev.custflow.examples.EventHistory;
import dev.custflow.insights.Scope;
import dev.custflow.insights.export.BiExport;
import dev.custflow.settings.InvalidSettingsException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code custflow export}: replays a history like {@code report} and writes its KPIs and customer table for BI tools
 * (docs/bi-export.md): CSV or JSON Lines files, or tables in PostgreSQL, MariaDB or H2.
 */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Replays a history through the rules and writes what the report shows for BI tools (FineBI, "
                + "Power BI, Superset): the KPIs per month, quarter and over the whole history, overall and per rep, "
                + "team, channel and region, and the customer table, as CSV or JSON Lines files in a folder, or as "
                + "tables in a database (PostgreSQL, MariaDB or H2). The columns are documented and versioned in "
                + "docs/bi-export.md; personal data is masked unless --personal-data is given.",
                "Exit code: 0 when the export was written, 2 for a usage, rules, settings, data or database error."})
public final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--to", paramLabel = "DIR|jdbc:URL", required = true,
            description = "a folder for the files, or a database: a jdbc:postgresql:, jdbc:mariadb: or jdbc:h2: URL")
    String to;

    @Option(names = "--format", paramLabel = "csv|jsonl", defaultValue = "csv",
            description = "with a folder: csv (the default) or jsonl (JSON Lines)")
    String format;

    @Option(names = "--personal-data",
            description = "the scope is granted personal data: names, phones and e-mail addresses in full (masked "
                    + "otherwise)")
    boolean personalData;

    @Mixin
    HistoryOptions history;

    @Mixin
    ScopeOption scope;

    @Mixin
    DatabaseLogin login;

    @Option(names = {"-q", "--quiet"}, description = "no progress bar")
    boolean quiet;

    @Mixin
    EngineOptions engine;

    @Mixin
    LocaleOption locale;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Locale l = locale.get();
        if (history.conflicting("export", err, l)) {
            return CommandErrors.EXIT;
        }
        boolean database = to.startsWith("jdbc:");
        try {
            if (!database && !format.equals("csv") && !format.equals("jsonl")) {
                throw new IllegalArgumentException(CommandErrors.text(l, "export.format", format));
            }
            String password = login.password(database, "--to jdbc:URL");
            long started = System.nanoTime(); // reported, never used by the rules
            Scope s = scope.get(l);
            EventHistory h = history.load();
            ReportCommand.rejected("export", h, err, l);
            InsightsReplay replay = InsightsReplay.run(h, engine.builder(),
                    !quiet && System.console() != null ? System.err : null);
            BiExport export = replay.figures(personalData ? s.withPersonalData() : s);
            if (database) {
                try (Connection c = DriverManager.getConnection(to, login.user(), password)) {
                    export.writeTo(c);
                }
            } else if (format.equals("csv")) {
                export.writeCsv(Path.of(to));
            } else {
                export.writeJsonLines(Path.of(to));
            }
            err.println(CommandErrors.text(l, "export.written", database ? redacted(to) : to, export.kpis().size(),
                    export.customers().size(), export.scope(), (System.nanoTime() - started) / 1e9));
            return 0;
        } catch (IllegalArgumentException | NoSuchFileException | DataFileException | InvalidSettingsException
                 | RuleCompilationException e) {
            return CommandErrors.report("export", e, err, CommandErrors.text(l, "nothing.exported"), l);
        } catch (IOException | SQLException e) {
            err.println("custflow export: " + CommandErrors.text(l, "export.cannotWrite",
                    database ? redacted(to) : to, e.getMessage()));
            return CommandErrors.EXIT;
        }
    }

    /** @return the URL without its query, where a password could be */
    private static String redacted(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?…";
    }
}
