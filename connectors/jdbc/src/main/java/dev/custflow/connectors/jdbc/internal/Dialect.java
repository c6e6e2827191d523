package dev.custflow.connectors.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;

/** What differs between the databases the connector supports: the migration folder and the upsert. */
public enum Dialect {
    H2("h2") {
        @Override
        public String upsertCustomer(String table) {
            return "MERGE INTO " + table + " (customer_id, snapshot, event_position) KEY (customer_id) VALUES (?, ?, ?)";
        }

        @Override
        public String upsertEnginePart(String table) {
            return "MERGE INTO " + table + " (engine_id, part_key, part_bytes, event_position) KEY (engine_id, part_key) "
                    + "VALUES (?, ?, ?, ?)";
        }
    },
    POSTGRESQL("postgresql") {
        /**
         * The driver sends {@code bytea} as hex text until a statement is prepared on the server (after five runs by
         * default), and a restart runs its reads once: asked to prepare at once, it reads the snapshots as binary,
         * half the bytes and no hex to decode. Through reflection, as the driver is the host's, not ours.
         */
        @Override
        public void readBinary(PreparedStatement read) {
            try {
                Class<?> pg = Class.forName("org.postgresql.PGStatement", false, read.getClass().getClassLoader());
                if (read.isWrapperFor(pg)) {
                    pg.getMethod("setPrepareThreshold", int.class).invoke(read.unwrap(pg), -1);
                }
            } catch (ReflectiveOperationException | SQLException | LinkageError | SecurityException e) {
                // another driver, or a pool's wrapper that hides it: the text transfer still reads the same bytes
            }
        }

        @Override
        public String upsertCustomer(String table) {
            return "INSERT INTO " + table + " (customer_id, snapshot, event_position) VALUES (?, ?, ?) "
                    + "ON CONFLICT (customer_id) DO UPDATE SET snapshot = EXCLUDED.snapshot, "
                    + "event_position = EXCLUDED.event_position";
        }

        @Override
        public String upsertEnginePart(String table) {
            return "INSERT INTO " + table + " (engine_id, part_key, part_bytes, event_position) VALUES (?, ?, ?, ?) "
                    + "ON CONFLICT (engine_id, part_key) DO UPDATE SET part_bytes = EXCLUDED.part_bytes, "
                    + "event_position = EXCLUDED.event_position";
        }
    },
    MYSQL("mysql") {
        @Override
        public String upsertCustomer(String table) {
            return "INSERT INTO " + table + " (customer_id, snapshot, event_position) VALUES (?, ?, ?) "
                    + "ON DUPLICATE KEY UPDATE snapshot = VALUES(snapshot), event_position = VALUES(event_position)";
        }

        @Override
        public String upsertEnginePart(String table) {
            return "INSERT INTO " + table + " (engine_id, part_key, part_bytes, event_position) VALUES (?, ?, ?, ?) "
                    + "ON DUPLICATE KEY UPDATE part_bytes = VALUES(part_bytes), event_position = VALUES(event_position)";
        }
    };

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /** @return the folder of its migrations under {@code dev/custflow/connectors/jdbc/migration/} */
    public String folder() {
        return folder;
    }

    /**
     * @param table the customer table with its prefix
     * @return an insert-or-update of one customer: id, snapshot, position
     */
    public abstract String upsertCustomer(String table);

    /**
     * @param table the engine part table with its prefix
     * @return an insert-or-update of one engine state part: engine id, part key, bytes, position
     */
    public abstract String upsertEnginePart(String table);

    /**
     * Asks the driver to transfer a read's binary columns as binary where it would not by itself; by default nothing.
     *
     * @param read a statement about to read snapshots or engine state parts
     */
    public void readBinary(PreparedStatement read) {
    }

    /**
     * @param productName what {@link java.sql.DatabaseMetaData#getDatabaseProductName()} says
     * @return the dialect
     * @throws IllegalArgumentException for a database the connector does not support
     */
    public static Dialect of(String productName) {
        String p = productName.toLowerCase(Locale.ROOT);
        if (p.contains("h2")) {
            return H2;
        }
        if (p.contains("postgres")) {
            return POSTGRESQL;
        }
        if (p.contains("mariadb") || p.contains("mysql")) {
            return MYSQL;
        }
        throw new IllegalArgumentException("The database (" + productName + ") is not one the JDBC connector supports."
                + "\nIt supports H2, PostgreSQL, MariaDB and MySQL; for another, implement CustomerStore over your "
                + "tables and check it with connectors-testkit (docs/jdbc.md).");
    }

    /**
     * @param vendor a folder name or a dialect name, any case: h2, postgresql, mysql, mariadb
     * @return the dialect
     * @throws IllegalArgumentException if it names none
     */
    public static Dialect named(String vendor) {
        String v = vendor.toLowerCase(Locale.ROOT);
        return switch (v) {
            case "h2" -> H2;
            case "postgresql", "postgres" -> POSTGRESQL;
            case "mysql", "mariadb" -> MYSQL;
            default -> throw new IllegalArgumentException("The vendor (" + vendor + ") is not one of h2, postgresql, "
                    + "mariadb, mysql.");
        };
    }
}
