package dev.custflow.insights.export;

import dev.custflow.insights.CustomerRow;
import dev.custflow.insights.KpiBook;
import dev.custflow.insights.Scope;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The KPI and customer tables of one history under one data scope, ready for a BI tool: as CSV or JSON Lines files,
 * or as tables in PostgreSQL, MariaDB or H2 that FineBI, Power BI or Superset read directly. The columns are those of
 * {@link BiSchema}; the report shows the same figures ({@link #kpis()}).
 *
 * <pre>{@code
 * BiExport export = ...;
 * export.writeCsv(Path.of("bi"));            // bi/custflow_bi_kpi.csv, bi/custflow_bi_customer.csv
 * try (Connection c = dataSource.getConnection()) {
 *     export.writeTo(c);                     // replaces this scope's rows, leaves other scopes' alone
 * }
 * }</pre>
 */
public final class BiExport {
    private final String scope;
    private final Instant asOf;
    private final java.time.ZoneId zone;
    private final List<KpiFigure> kpis;
    private final List<CustomerRow> customers;

    private BiExport(String scope, Instant asOf, java.time.ZoneId zone, List<KpiFigure> kpis,
                     List<CustomerRow> customers) {
        this.scope = scope;
        this.asOf = asOf;
        this.zone = zone;
        this.kpis = List.copyOf(kpis);
        this.customers = List.copyOf(customers);
    }

    /**
     * Queries a KPI book under a scope: every KPI per month and quarter, overall and per rep, team, channel and
     * region, and over the whole history where the KPI adds up; customers per RFM segment; churn warnings by cause
     * and late deliveries per month; the run-rate forecast of monthly revenue against what each month had; and the
     * customers the scope sees.
     *
     * @param book     the KPI book the history was fed into
     * @param warnings the churn warnings and late deliveries noted from the same engine answers
     * @param scope    who is asking: only what the scope sees is exported, personal data masked unless it grants it
     * @param asOf     the end of the history
     * @return the export
     */
    public static BiExport query(KpiBook book, WarningLog warnings, Scope scope, Instant asOf) {
        Objects.requireNonNull(book, "book");
        Objects.requireNonNull(warnings, "warnings");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(asOf, "asOf");
        return ExportQueries.query(book, warnings, scope, asOf);
    }

    /**
     * @param scope     how the scope the figures were queried under is written ({@code everything}, {@code rep:R}...)
     * @param asOf      the end of the history the figures are taken at
     * @param zone      the time zone the periods were counted in
     * @param kpis      the KPI figures
     * @param customers the customers in the scope, personal data already masked as the scope requires
     * @return the export
     */
    public static BiExport of(String scope, Instant asOf, java.time.ZoneId zone, List<KpiFigure> kpis,
                              List<CustomerRow> customers) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(zone, "zone");
        return new BiExport(scope, asOf, zone, kpis, customers);
    }

    /** @return the time zone the periods were counted in (the engine settings' {@code timeZone}) */
    public java.time.ZoneId zone() {
        return zone;
    }

    /** @return the scope, as written in the tables */
    public String scope() {
        return scope;
    }

    /** @return the end of the history */
    public Instant asOf() {
        return asOf;
    }

    /** @return the KPI figures, in the order written */
    public List<KpiFigure> kpis() {
        return kpis;
    }

    /** @return the customers, in the order written */
    public List<CustomerRow> customers() {
        return customers;
    }

    /**
     * @param table {@link BiSchema#KPIS} or {@link BiSchema#CUSTOMERS}
     * @return its rows, every value in the column order of the schema
     * @throws IllegalArgumentException for another table
     */
    public List<List<Object>> rows(BiSchema.Table table) {
        List<List<Object>> rows = new ArrayList<>();
        if (table.equals(BiSchema.KPIS)) {
            kpis.forEach(k -> rows.add(row(k.values())));
        } else if (table.equals(BiSchema.CUSTOMERS)) {
            customers.forEach(c -> rows.add(row(customer(c))));
        } else {
            throw new IllegalArgumentException("no rows for table " + table.name());
        }
        return rows;
    }

    private static List<Object> customer(CustomerRow c) {
        return java.util.Arrays.asList(c.id(), c.name(), c.phone(), c.email(),
                c.stage() == null ? null : c.stage().name(), c.segment(), c.channel(), c.region(), c.rep(), c.team(),
                (long) c.orders(), c.revenue() == null ? 0.0 : c.revenue().doubleValue(), c.lastOrder());
    }

    private List<Object> row(List<Object> values) {
        List<Object> row = new ArrayList<>(values.size() + 3);
        row.add((long) BiSchema.VERSION);
        row.add(scope);
        row.add(asOf);
        row.addAll(values);
        return row;
    }

    /**
     * Writes {@code <table>.csv} for each table into a folder (created if missing): UTF-8, a header line, RFC 4180
     * quoting, dates and instants in ISO-8601 (UTC), empty for a missing value.
     *
     * @param folder the folder
     * @return the files written
     * @throws IOException if a file cannot be written
     */
    public List<Path> writeCsv(Path folder) throws IOException {
        return TableFiles.csv(this, folder);
    }

    /**
     * Writes {@code <table>.jsonl} for each table into a folder (created if missing): one JSON object per row, keys
     * the column names, numbers as numbers, a missing value as null.
     *
     * @param folder the folder
     * @return the files written
     * @throws IOException if a file cannot be written
     */
    public List<Path> writeJsonLines(Path folder) throws IOException {
        return TableFiles.jsonLines(this, folder);
    }

    /**
     * Writes the tables into a database (PostgreSQL, MariaDB or H2) in one transaction: creates them where missing,
     * replaces the rows of this export's scope and leaves other scopes' rows alone, and records the schema version in
     * {@code custflow_bi_schema}. Nothing is written when an existing table's columns differ from this version's.
     *
     * @param connection a connection (its auto-commit is restored afterwards)
     * @return rows written per table
     * @throws SQLException if the database refuses, or an existing table has other columns (named in the message)
     */
    public java.util.Map<String, Integer> writeTo(Connection connection) throws SQLException {
        return SqlTables.write(this, connection);
    }
}
