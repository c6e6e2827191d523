package dev.custflow.insights.export;

import java.util.List;
import java.util.Objects;

/**
 * The tables a BI tool reads (docs/bi-export.md): their names, columns, types and meanings. The schema is versioned:
 * a column is never renamed, retyped or removed within a version, so dashboards built on it keep working; a change
 * makes a new {@link #VERSION} and is listed in the doc. Every export says which version it is (the
 * {@code schema_version} column, the {@code custflow_bi_schema} table).
 */
public final class BiSchema {
    /** The version of the tables below. */
    public static final int VERSION = 1;

    /** A column's type, mapped to each database's own (docs/bi-export.md). */
    public enum Type {
        /** Text up to the given length. */
        TEXT,
        /** A whole number (64-bit). */
        INTEGER,
        /** A number with a fraction (double precision). */
        NUMBER,
        /** A day, ISO {@code yyyy-MM-dd} in files. */
        DATE,
        /** An instant, ISO-8601 in UTC in files, {@code TIMESTAMP} (UTC) in databases. */
        TIMESTAMP
    }

    /**
     * One column.
     *
     * @param name     its name, lower case with underscores
     * @param type     its type
     * @param length   for text, the longest value; 0 otherwise
     * @param nullable whether it may be empty
     * @param meaning  what it holds
     */
    public record Column(String name, Type type, int length, boolean nullable, String meaning) {
        /** Validates the fields. */
        public Column {
            if (!name.matches("[a-z][a-z0-9_]*")) {
                throw new IllegalArgumentException("column name '" + name + "' is not lower case with underscores");
            }
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(meaning, "meaning");
        }
    }

    /**
     * One table.
     *
     * @param name    its name in a database, and its file name in a folder ({@code name.csv}, {@code name.jsonl})
     * @param columns its columns, in order
     */
    public record Table(String name, List<Column> columns) {
        /** Copies the columns. */
        public Table {
            Objects.requireNonNull(name, "name");
            columns = List.copyOf(columns);
        }

        /** @return the columns' names, in order */
        public List<String> columnNames() {
            return columns.stream().map(Column::name).toList();
        }
    }

    private static Column text(String name, int length, boolean nullable, String meaning) {
        return new Column(name, Type.TEXT, length, nullable, meaning);
    }

    private static Column column(String name, Type type, boolean nullable, String meaning) {
        return new Column(name, type, 0, nullable, meaning);
    }

    private static final Column SCHEMA_VERSION = column("schema_version", Type.INTEGER, false,
            "the version of this schema (" + VERSION + ")");
    private static final Column SCOPE = text("scope", 200, false,
            "the data scope the export ran under: everything (a director), team:T, rep:R or partner:P");
    private static final Column AS_OF = column("as_of", Type.TIMESTAMP, false,
            "the end of the history the figures are taken at (event time, UTC)");

    /** The KPIs: one row per KPI, period and dimension member. */
    public static final Table KPIS = new Table("custflow_bi_kpi", List.of(
            SCHEMA_VERSION, SCOPE, AS_OF,
            text("kpi", 64, false, "the KPI's name, e.g. leads or mql_rate (docs/kpis.md defines each)"),
            text("grain", 16, false, "the period: month, quarter, or all (the whole history: sums of the months' "
                    + "numerators over sums of their denominators, for the KPIs that add up so)"),
            column("period_start", Type.DATE, true, "the period's first day (empty for all)"),
            column("period_end", Type.DATE, true, "the period's last day (empty for all)"),
            text("dimension", 16, false, "what the figure is broken down by: all, rep, team, channel, region, "
                    + "segment (RFM) or cause (of a churn warning)"),
            text("member", 200, false, "the rep, team, channel, region, segment or cause (all when the dimension "
                    + "is all; empty for facts without one, e.g. a customer without a rep)"),
            column("kpi_value", Type.NUMBER, true, "the figure: a count, a ratio (0.25 is 25 %), days, money "
                    + "or a score (see unit); "
                    + "empty where it is undefined (a ratio of nothing)"),
            column("numerator", Type.NUMBER, true, "what was counted or summed (for NPS: promoters less detractors)"),
            column("denominator", Type.NUMBER, true, "what it was divided by; empty for counts and sums"),
            text("unit", 16, false, "count, ratio, money (the settings' currency), days or score")));

    /** The customer table: one row per customer in the scope, personal data masked unless the scope grants it. */
    public static final Table CUSTOMERS = new Table("custflow_bi_customer", List.of(
            SCHEMA_VERSION, SCOPE, AS_OF,
            text("customer_id", 200, false, "the customer's (or lead's) id in the host's system"),
            text("name", 200, true, "the name, masked (王*) unless the scope grants personal data"),
            text("phone", 64, true, "the phone, masked (138****8002) unless the scope grants personal data"),
            text("email", 200, true, "the e-mail, masked (z***@example.com) unless the scope grants personal data"),
            text("stage", 16, true, "the lifecycle stage: LEAD, PROSPECT, CUSTOMER, LOYAL, ADVOCATE, DORMANT or "
                    + "DISQUALIFIED"),
            text("segment", 32, true, "the RFM segment, e.g. CHAMPIONS"),
            text("channel", 64, true, "the channel the customer was first captured from"),
            text("region", 64, true, "the region"),
            text("rep", 200, true, "the owning rep's id"),
            text("team", 200, true, "the owning rep's team"),
            column("orders", Type.INTEGER, false, "orders placed, less those cancelled or returned"),
            column("revenue", Type.NUMBER, false, "their amounts, less cancelled and returned orders"),
            column("last_order_at", Type.TIMESTAMP, true, "when the last order was placed, empty before the first")));

    /** The table that says which schema version the other tables are in. */
    public static final Table SCHEMA = new Table("custflow_bi_schema", List.of(
            text("table_name", 64, false, "a table of the export"),
            column("schema_version", Type.INTEGER, false, "the version its columns follow"),
            SCOPE, AS_OF));

    /** @return the data tables, in the order they are written */
    public static List<Table> tables() {
        return List.of(KPIS, CUSTOMERS);
    }

    private BiSchema() {
    }
}
