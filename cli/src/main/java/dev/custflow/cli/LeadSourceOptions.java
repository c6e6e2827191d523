package dev.custflow.cli;

import dev.custflow.examples.LeadHistory;
import dev.custflow.examples.LeadMapping;
import dev.custflow.examples.LeadTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where {@code calibrate} reads past leads from (docs/lead-scoring.md): the "X Education" file with its built-in
 * mapping ({@code --leads}), any CSV lead table with a mapping ({@code --leads FILE --mapping FILE}), or a SQL query
 * with a mapping ({@code --jdbc-url URL --query SQL --mapping FILE}), logging in as {@code replay --store} does: the
 * password from an environment variable or a file, never from the command line.
 */
public final class LeadSourceOptions {
    @Option(names = "--leads", paramLabel = "PATH",
            description = "past leads with their outcome: the file " + LeadHistory.FILE_NAME + " or its folder "
                    + "(e.g. ../shared/data/leads), or with --mapping any UTF-8 CSV lead table")
    Path leads;

    @Option(names = "--mapping", paramLabel = "FILE",
            description = "a YAML file saying which column is the outcome, the id, the channel, region, industry, "
                    + "title, which are categories and which numbers (and their bands); without it --leads is "
                    + LeadHistory.FILE_NAME + " with its built-in mapping")
    Path mapping;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "read the leads from this database instead (with --query and --mapping), e.g. "
                    + "jdbc:postgresql://localhost/crm; log in with --user and --password-env or --password-file")
    String jdbcUrl;

    @Option(names = "--query", paramLabel = "SQL",
            description = "with --jdbc-url: the query whose result is the lead table, e.g. \"select * from leads\"")
    String query;

    @Mixin
    DatabaseLogin login;

    /** @return true when past leads were asked for, from a file or a database */
    boolean given() {
        return leads != null || jdbcUrl != null || query != null;
    }

    /**
     * @return the leads, read as the options say
     * @throws IllegalArgumentException if the options do not fit together, or the query fails
     * @throws IOException              if a file cannot be read
     */
    LeadTable load() throws IOException {
        String password = login.password(jdbcUrl != null, "--jdbc-url");
        if (jdbcUrl != null) {
            if (leads != null) {
                throw new IllegalArgumentException("give --leads or --jdbc-url, not both");
            }
            if (query == null || query.isBlank()) {
                throw new IllegalArgumentException("--jdbc-url needs --query \"select ...\": the query whose result is "
                        + "the lead table");
            }
            if (mapping == null) {
                throw new IllegalArgumentException("--jdbc-url needs --mapping FILE: which column of the result is the "
                        + "outcome, and what the others are (docs/lead-scoring.md)");
            }
            LeadMapping m = LeadMapping.load(mapping);
            try (Connection c = DriverManager.getConnection(jdbcUrl, login.user(), password)) {
                return LeadTable.query(c, query, m);
            } catch (SQLException e) {
                throw new IllegalArgumentException("cannot read the leads from " + DatabaseLogin.shown(jdbcUrl) + ": "
                        + e.getMessage());
            }
        }
        if (query != null) {
            throw new IllegalArgumentException("--query goes with --jdbc-url");
        }
        if (leads == null) {
            throw new IllegalArgumentException("give the past leads: --leads FILE (or its folder), or --jdbc-url URL "
                    + "--query SQL --mapping FILE");
        }
        if (mapping == null) {
            return LeadTable.load(leads);
        }
        Path file = Files.isDirectory(leads) && Files.isRegularFile(leads.resolve(LeadHistory.FILE_NAME))
                ? leads.resolve(LeadHistory.FILE_NAME) : leads;
        return LeadTable.load(file, LeadMapping.load(mapping));
    }
}
