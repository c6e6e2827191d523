package dev.custflow.insights.export;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The export's tables in a database through plain JDBC (no pool, no migration tool: the host hands a connection):
 * created where missing, checked where present, this scope's rows replaced in one transaction.
 */
final class SqlTables {
    private static final int BATCH = 500;

    /** What differs between the databases: only the column types. */
    public enum Dialect {
        /** PostgreSQL. */
        POSTGRESQL("BIGINT", "DOUBLE PRECISION", "TIMESTAMP"),
        /** MariaDB and MySQL: DATETIME, as TIMESTAMP there converts to the session's zone and stops in 2038. */
        MARIADB("BIGINT", "DOUBLE", "DATETIME(3)"),
        /** H2. */
        H2("BIGINT", "DOUBLE PRECISION", "TIMESTAMP");

        private final String integer;
        private final String number;
        private final String timestamp;

        Dialect(String integer, String number, String timestamp) {
            this.integer = integer;
            this.number = number;
            this.timestamp = timestamp;
        }

        /**
         * @param product the database's product name (JDBC metadata)
         * @return its dialect
         * @throws SQLException for a database the export does not know
         */
        public static Dialect of(String product) throws SQLException {
            String p = product.toLowerCase(Locale.ROOT);
            if (p.contains("postgres")) {
                return POSTGRESQL;
            }
            if (p.contains("mariadb") || p.contains("mysql")) {
                return MARIADB;
            }
            if (p.equals("h2")) {
                return H2;
            }
            throw new SQLException("the BI export writes to PostgreSQL, MariaDB (or MySQL) and H2, not to " + product
                    + ": export CSV or JSON Lines files instead and load them with the database's own tool");
        }

        /**
         * @param c a column
         * @return its type in this database
         */
        public String type(BiSchema.Column c) {
            return switch (c.type()) {
                case TEXT -> "VARCHAR(" + c.length() + ")";
                case INTEGER -> integer;
                case NUMBER -> number;
                case DATE -> "DATE";
                case TIMESTAMP -> timestamp;
            };
        }

        /**
         * @param t a table
         * @return the statement that creates it
         */
        public String create(BiSchema.Table t) {
            StringBuilder b = new StringBuilder("CREATE TABLE " + t.name() + " (");
            for (int i = 0; i < t.columns().size(); i++) {
                BiSchema.Column c = t.columns().get(i);
                b.append(i == 0 ? "" : ", ").append(c.name()).append(' ').append(type(c))
                        .append(c.nullable() ? "" : " NOT NULL");
            }
            return b.append(')').toString();
        }
    }

    private SqlTables() {
    }

    /**
     * @param export     the export
     * @param connection the database
     * @return rows written per table
     * @throws SQLException if the database refuses or a table has other columns
     */
    public static Map<String, Integer> write(BiExport export, Connection connection) throws SQLException {
        Dialect dialect = Dialect.of(connection.getMetaData().getDatabaseProductName());
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            Map<String, Integer> written = new LinkedHashMap<>();
            prepare(connection, dialect, BiSchema.SCHEMA);
            for (BiSchema.Table t : BiSchema.tables()) {
                prepare(connection, dialect, t);
                written.put(t.name(), replace(connection, t, export.scope(), export.rows(t)));
            }
            List<List<Object>> versions = new ArrayList<>();
            for (BiSchema.Table t : BiSchema.tables()) {
                versions.add(List.of(t.name(), (long) BiSchema.VERSION, export.scope(), export.asOf()));
            }
            replace(connection, BiSchema.SCHEMA, export.scope(), versions);
            connection.commit();
            return written;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void prepare(Connection c, Dialect dialect, BiSchema.Table t) throws SQLException {
        List<String> existing = columns(c, t.name());
        if (existing.isEmpty()) {
            try (Statement s = c.createStatement()) {
                s.execute(dialect.create(t));
            }
        } else if (!existing.equals(t.columnNames())) {
            throw new SQLException("the table " + t.name() + " has the columns " + existing + ", not those of BI "
                    + "schema version " + BiSchema.VERSION + " " + t.columnNames() + ": nothing was written. It was "
                    + "made by another version (docs/bi-export.md lists the changes): drop it, or export into "
                    + "another database or schema");
        }
    }

    /** @return the table's columns in order, lower case; empty when there is no such table */
    static List<String> columns(Connection c, String table) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        List<String> found = new ArrayList<>();
        // PostgreSQL and MariaDB keep unquoted names in lower case, H2 in upper case
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet r = meta.getColumns(c.getCatalog(), c.getSchema(), name, null)) {
                List<Object[]> cols = new ArrayList<>();
                while (r.next()) {
                    cols.add(new Object[] {r.getInt("ORDINAL_POSITION"), r.getString("COLUMN_NAME")});
                }
                cols.sort((a, b) -> Integer.compare((Integer) a[0], (Integer) b[0]));
                cols.forEach(col -> found.add(((String) col[1]).toLowerCase(Locale.ROOT)));
            }
            if (!found.isEmpty()) {
                return found;
            }
        }
        return found;
    }

    private static int replace(Connection c, BiSchema.Table t, String scope, List<List<Object>> rows)
            throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + t.name() + " WHERE scope = ?")) {
            delete.setString(1, scope);
            delete.executeUpdate();
        }
        String sql = "INSERT INTO " + t.name() + " (" + String.join(", ", t.columnNames()) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(t.columns().size(), "?")) + ")";
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            int pending = 0;
            for (List<Object> row : rows) {
                for (int i = 0; i < row.size(); i++) {
                    bind(insert, i + 1, t.columns().get(i), row.get(i));
                }
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
        return rows.size();
    }

    private static void bind(PreparedStatement p, int index, BiSchema.Column c, Object v) throws SQLException {
        if (v == null || v instanceof Double d && !Double.isFinite(d)) {
            p.setNull(index, switch (c.type()) {
                case TEXT -> Types.VARCHAR;
                case INTEGER -> Types.BIGINT;
                case NUMBER -> Types.DOUBLE;
                case DATE -> Types.DATE;
                case TIMESTAMP -> Types.TIMESTAMP;
            });
            return;
        }
        switch (c.type()) {
            case TEXT -> p.setString(index, v.toString());
            case INTEGER -> p.setLong(index, ((Number) v).longValue());
            case NUMBER -> p.setDouble(index, ((Number) v).doubleValue());
            case DATE -> p.setObject(index, (LocalDate) v);
            // in UTC, as the doc says: a BI tool shows it in its own zone
            case TIMESTAMP -> p.setObject(index, LocalDateTime.ofInstant((Instant) v, ZoneOffset.UTC));
        }
    }
}
