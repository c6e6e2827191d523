package dev.custflow.connectors.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.custflow.ConnectorException;
import dev.custflow.Json;
import dev.custflow.action.Action;
import dev.custflow.connectors.jdbc.internal.Dialect;
import dev.custflow.connectors.jdbc.internal.Tx;
import dev.custflow.spi.CustomerStore;
import dev.custflow.spi.StoreCommit;
import dev.custflow.spi.StoredState;
import dev.custflow.text.Bounds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A {@link CustomerStore} in the host's database: customer snapshots, the engine's state (one row per part, keyed
 * by engine id and part key: a commit writes only the parts it changed and deletes those it removed) and position,
 * and an outbox of actions, written in <b>one transaction per commit</b>. H2 (an embedded file, no setup), PostgreSQL and
 * MariaDB/MySQL; the tables carry a prefix ({@code cf_} by default) so they live beside an ERP's own.
 *
 * <pre>{@code
 * try (JdbcCustomerStore store = JdbcCustomerStore.builder().h2File(Path.of("data/custflow")).build()) { ... }
 * JdbcCustomerStore.builder().url("jdbc:postgresql://db/erp").user("erp").password(secret).tablePrefix("crm_cf_")
 * }</pre>
 *
 * <p>The engine state row is <b>fenced</b>: each commit advances it only from the version this store last saw, so two
 * engines on one store cannot both advance; the second gets a {@link ConnectorException} that says so. A commit
 * behind the stored position is refused the same way. The schema is created and migrated by Flyway (versioned SQL
 * per vendor, in the jar under {@code dev/custflow/connectors/jdbc/migration/}); {@code migrate(false)} leaves it
 * to a DBA, who applies {@link #migrationSql(String, String)}. Actions in the outbox are delivered by an
 * {@link OutboxRelay}. Thread-safe; the engine calls it from one thread at a time.
 */
public final class JdbcCustomerStore implements CustomerStore {
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,29}");
    private static final String[] MIGRATIONS = {"V1__custflow_tables.sql", "V2__engine_parts.sql"};
    /** Rows a streamed read takes from the server at a time: about a megabyte of snapshots. */
    private static final int READ_FETCH_SIZE = 10_000;

    private final String name;
    private final DataSource source;
    private final HikariDataSource ownPool;
    private final Dialect dialect;
    private final String prefix;
    private final String engineId;
    private final int partitions;
    private final InstantSource clock;
    private final Tx tx;
    private final List<Runnable> commitListeners = new CopyOnWriteArrayList<>();
    /** The engine state version this store last read or wrote; -1 before the first load. */
    private long version = -1;

    private JdbcCustomerStore(Builder b, DataSource source, HikariDataSource ownPool, String name) {
        this.name = name;
        this.source = source;
        this.ownPool = ownPool;
        this.prefix = b.prefix;
        this.engineId = b.engineId;
        this.partitions = b.partitions;
        this.clock = b.clock;
        this.tx = new Tx(source, name);
        this.dialect = tx.run("cannot read the database's product name",
                c -> Dialect.of(c.getMetaData().getDatabaseProductName()));
    }

    /** @return a builder; with nothing set, an H2 file {@code custflow} in the working folder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The SQL of every migration, for a DBA who applies it by hand ({@code migrate(false)}).
     *
     * @param vendor h2, postgresql, mariadb or mysql
     * @param prefix the table prefix, e.g. {@code cf_}
     * @return the scripts in order, with the prefix filled in
     * @throws IllegalArgumentException for an unknown vendor or a prefix that is not a plain SQL name
     */
    public static String migrationSql(String vendor, String prefix) {
        Dialect d = Dialect.named(vendor);
        checkPrefix(prefix);
        StringBuilder out = new StringBuilder();
        for (String script : MIGRATIONS) {
            String path = "migration/" + d.folder() + "/" + script;
            try (InputStream in = JdbcCustomerStore.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("The migration " + path + " is missing from the jar.");
                }
                out.append("-- ").append(script).append('\n')
                        .append(new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${prefix}", prefix));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read the migration " + path, e);
            }
        }
        return out.toString();
    }

    private static String checkPrefix(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("The table prefix (" + prefix + ") is not a plain SQL name: use letters, "
                    + "digits and _, starting with a letter, at most 30 characters, e.g. cf_ or erp_cf_.");
        }
        return prefix;
    }

    /** @return the name this store gives in errors: the JDBC URL without credentials, and the prefix */
    public String name() {
        return name;
    }

    /** @return the table prefix */
    public String tablePrefix() {
        return prefix;
    }

    /** @return how many relay partitions the outbox is split into */
    public int partitions() {
        return partitions;
    }

    /**
     * @param customerId a customer id
     * @return the relay partition of the customer's actions
     */
    public int partitionOf(String customerId) {
        return Math.floorMod(customerId.hashCode(), partitions); // String.hashCode is fixed by the JLS: same everywhere
    }

    /**
     * The key whose actions a relay keeps in order: the customer, or for an action about no customer (a rep's weekly
     * AT_RISK_DIGEST) {@code @} and its type, so such actions keep their order among themselves.
     */
    static String orderKey(Action a) {
        return a.customerId() != null ? a.customerId() : "@" + a.type();
    }

    DataSource dataSource() {
        return source;
    }

    InstantSource clock() {
        return clock;
    }

    String table(String what) {
        return prefix + what;
    }

    /**
     * Runs after every successful commit (an {@link OutboxRelay} in the same JVM wakes up this way).
     *
     * @param listener called on the committing thread; it must return quickly and not throw
     */
    public void onCommit(Runnable listener) {
        commitListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void removeCommitListener(Runnable listener) {
        commitListeners.remove(listener);
    }

    @Override
    public synchronized StoredState load() {
        return tx.run("cannot read the engine state of " + engineId, c -> {
            long position;
            String lastEventId;
            long seen;
            try (PreparedStatement q = c.prepareStatement("SELECT event_position, last_event_id, version "
                    + "FROM " + table("engine_state") + " WHERE engine_id = ?")) {
                q.setString(1, engineId);
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        throw new ConnectorException(name, "the engine state row of " + engineId + " is missing", null);
                    }
                    position = rs.getLong(1);
                    lastEventId = rs.getString(2);
                    seen = rs.getLong(3);
                }
            }
            Map<String, byte[]> parts = new HashMap<>();
            try (PreparedStatement q = c.prepareStatement("SELECT part_key, part_bytes FROM " + table("engine_part")
                    + " WHERE engine_id = ?")) {
                q.setString(1, engineId);
                q.setFetchSize(READ_FETCH_SIZE);
                dialect.readBinary(q);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        parts.put(rs.getString(1), rs.getBytes(2));
                    }
                }
            }
            version = seen;
            return seen == 0 ? StoredState.EMPTY : new StoredState(position, lastEventId, parts);
        });
    }

    @Override
    public void forEachCustomer(BiConsumer<String, byte[]> visitor) {
        Objects.requireNonNull(visitor, "visitor");
        // In a transaction with a fetch size, so that PostgreSQL uses a cursor and MariaDB streams: a million
        // customers are read without holding them all.
        tx.run("cannot read the customers", c -> {
            // H2 ignores the fetch size and copies the whole result into a temporary file before the first row
            // (100 MB written and read back for a million customers); lazily it reads from the table as we go.
            // Put back to H2's default afterwards, as the connection returns to the pool.
            boolean lazy = dialect == Dialect.H2;
            if (lazy) {
                h2Lazy(c, true);
            }
            try (PreparedStatement q = c.prepareStatement("SELECT customer_id, snapshot FROM " + table("customer"))) {
                q.setFetchSize(READ_FETCH_SIZE);
                dialect.readBinary(q);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        visitor.accept(rs.getString(1), rs.getBytes(2));
                    }
                }
            } finally {
                if (lazy) {
                    h2Lazy(c, false);
                }
            }
            return null;
        });
    }

    private static void h2Lazy(Connection c, boolean on) throws SQLException {
        try (java.sql.Statement s = c.createStatement()) {
            s.execute("SET LAZY_QUERY_EXECUTION " + (on ? "TRUE" : "FALSE"));
        }
    }

    @Override
    public void commit(StoreCommit commit) {
        Objects.requireNonNull(commit, "commit");
        synchronized (this) {
            if (version < 0) {
                load();
            }
            long seen = version;
            tx.run("cannot commit up to position " + commit.position(), c -> {
                advanceEngineState(c, commit, seen);
                writeEngineParts(c, commit);
                writeCustomers(c, commit);
                writeOutbox(c, commit);
                return null;
            });
            version = seen + 1;
        }
        for (Runnable listener : commitListeners) {
            listener.run();
        }
    }

    private void advanceEngineState(Connection c, StoreCommit commit, long seen) throws SQLException {
        try (PreparedStatement up = c.prepareStatement("UPDATE " + table("engine_state") + " SET event_position = ?, "
                + "last_event_id = ?, version = version + 1, updated_at = ? "
                + "WHERE engine_id = ? AND version = ? AND event_position <= ?")) {
            up.setLong(1, commit.position());
            up.setString(2, commit.lastEventId());
            up.setLong(3, clock.millis());
            up.setString(4, engineId);
            up.setLong(5, seen);
            up.setLong(6, commit.position());
            if (up.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement q = c.prepareStatement("SELECT event_position, version FROM " + table("engine_state")
                + " WHERE engine_id = ?")) {
            q.setString(1, engineId);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    throw new ConnectorException(name, "the engine state row of " + engineId + " is missing", null);
                }
                long position = rs.getLong(1);
                long now = rs.getLong(2);
                if (now != seen) {
                    throw new ConnectorException(name, "another engine has committed to this store (engine " + engineId
                            + ", now at position " + position + ", version " + now + ") since this one read version "
                            + seen + ": two engines on one store cannot both advance, so this commit (position "
                            + commit.position() + ") is refused.\nStop one of them, or give each its own engineId or "
                            + "table prefix", null);
                }
                throw new ConnectorException(name, "the commit's position " + commit.position()
                        + " is behind the stored position " + position + " (engine " + engineId
                        + "): positions only move forward, so the commit is refused", null);
            }
        }
    }

    /** After the fenced row is advanced: only the engine that advanced it writes its parts in this transaction. */
    private void writeEngineParts(Connection c, StoreCommit commit) throws SQLException {
        if (!commit.removedParts().isEmpty()) {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM " + table("engine_part")
                    + " WHERE engine_id = ? AND part_key = ?")) {
                for (String key : new TreeSet<>(commit.removedParts())) {
                    del.setString(1, engineId);
                    del.setString(2, key);
                    del.addBatch();
                }
                del.executeBatch();
            }
        }
        if (!commit.engineParts().isEmpty()) {
            try (PreparedStatement up = c.prepareStatement(dialect.upsertEnginePart(table("engine_part")))) {
                for (Map.Entry<String, byte[]> e : new TreeMap<>(commit.engineParts()).entrySet()) {
                    up.setString(1, engineId);
                    up.setString(2, e.getKey());
                    up.setBytes(3, e.getValue());
                    up.setLong(4, commit.position());
                    up.addBatch();
                }
                up.executeBatch();
            }
        }
    }

    private void writeCustomers(Connection c, StoreCommit commit) throws SQLException {
        if (!commit.removed().isEmpty()) {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM " + table("customer")
                    + " WHERE customer_id = ?")) {
                for (String id : commit.removed()) {
                    del.setString(1, id);
                    del.addBatch();
                }
                del.executeBatch();
            }
        }
        if (!commit.customers().isEmpty()) {
            // Sorted: concurrent writers (which the fence refuses anyway) would lock rows in one order.
            try (PreparedStatement up = c.prepareStatement(dialect.upsertCustomer(table("customer")))) {
                for (Map.Entry<String, byte[]> e : new TreeMap<>(commit.customers()).entrySet()) {
                    up.setString(1, e.getKey());
                    up.setBytes(2, e.getValue());
                    up.setLong(3, commit.position());
                    up.addBatch();
                }
                up.executeBatch();
            }
        }
    }

    private void writeOutbox(Connection c, StoreCommit commit) throws SQLException {
        if (commit.actions().isEmpty()) {
            return;
        }
        long now = clock.millis();
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO " + table("outbox") + " (action_id, customer_id, "
                + "partition_no, event_position, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Action a : commit.actions()) { // in delivery order: ids grow in this order
                ins.setString(1, a.id());
                String key = orderKey(a);
                ins.setString(2, key);
                ins.setInt(3, partitionOf(key));
                ins.setLong(4, commit.position());
                ins.setString(5, Json.write(a));
                ins.setLong(6, now);
                ins.addBatch();
            }
            ins.executeBatch();
        }
    }

    /** @return how many actions in the outbox wait for a relay */
    public long pendingActions() {
        return tx.run("cannot count the outbox", c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM " + table("outbox")
                    + " WHERE sent_at IS NULL");
                 ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * Deletes delivered actions, to keep the outbox small.
     *
     * @param deliveredBefore epoch milliseconds: rows delivered before this go
     * @return how many rows were deleted
     */
    public int purgeDelivered(long deliveredBefore) {
        return tx.run("cannot purge the outbox", c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM " + table("outbox")
                    + " WHERE sent_at IS NOT NULL AND sent_at < ?")) {
                del.setLong(1, deliveredBefore);
                return del.executeUpdate();
            }
        });
    }

    private void setUp(boolean migrate) {
        if (migrate) {
            try {
                Flyway.configure(JdbcCustomerStore.class.getClassLoader())
                        .dataSource(source)
                        .locations("classpath:dev/custflow/connectors/jdbc/migration/" + dialect.folder())
                        .table(prefix + "schema_history")
                        .placeholders(Map.of("prefix", prefix))
                        // the host's database has its own tables: start the history at 0 so that V1 still runs
                        .baselineOnMigrate(true).baselineVersion("0")
                        .load().migrate();
            } catch (RuntimeException e) {
                throw new ConnectorException(name, "cannot create or migrate the tables " + prefix + "*", e);
            }
        }
        tx.run("cannot find the tables " + prefix + "* (with migrate(false) a DBA applies "
                + "JdbcCustomerStore.migrationSql(\"" + dialect.folder() + "\", \"" + prefix + "\") first; "
                + "docs/jdbc.md)", c -> {
            for (String t : List.of("customer", "engine_state", "engine_part", "outbox", "relay_lease")) {
                try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM " + table(t) + " WHERE 1 = 0");
                     ResultSet rs = q.executeQuery()) {
                    rs.next();
                }
            }
            return null;
        });
        insertIfAbsent("INSERT INTO " + table("engine_state") + " (engine_id, event_position, version, updated_at) "
                + "VALUES (?, 0, 0, 0)", ps -> ps.setString(1, engineId));
        int existing = tx.run("cannot read the relay partitions", c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM " + table("relay_lease"));
                 ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
        if (existing == 0) {
            for (int p = 0; p < partitions; p++) {
                int partition = p;
                insertIfAbsent("INSERT INTO " + table("relay_lease") + " (partition_no, lease_owner, expires_at, fence) "
                        + "VALUES (?, NULL, 0, 0)", ps -> ps.setInt(1, partition));
            }
        } else if (existing != partitions) {
            throw new ConnectorException(name, "the outbox has " + existing + " relay partitions, this store was built "
                    + "with " + partitions + ".\nBuild it with .partitions(" + existing + "): the number is fixed when the "
                    + "tables are created", null);
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** An insert that another process may have done first: a duplicate key is fine. */
    private void insertIfAbsent(String sql, Binder binder) {
        try {
            tx.run("cannot insert a row", c -> {
                try (PreparedStatement ins = c.prepareStatement(sql)) {
                    binder.bind(ins);
                    return ins.executeUpdate();
                }
            });
        } catch (ConnectorException e) {
            if (!(e.getCause() instanceof SQLException s) || s.getSQLState() == null
                    || !s.getSQLState().startsWith("23")) {
                throw e;
            }
        }
    }

    /** Closes the pool this store made; a data source given by the host stays open. */
    @Override
    public void close() {
        if (ownPool != null) {
            ownPool.close();
        }
    }

    /** Builds a {@link JdbcCustomerStore}; every setter checks its value at once. */
    public static final class Builder {
        private String url;
        private String user;
        private String password;
        private DataSource dataSource;
        private String prefix = "cf_";
        private String engineId = "default";
        private boolean migrate = true;
        private int partitions = 8;
        private int poolSize = 4;
        private InstantSource clock = InstantSource.system();

        private Builder() {
        }

        /**
         * An embedded H2 file database: {@code jdbc:h2:file:PATH;WRITE_DELAY=0} (every acknowledged commit survives a
         * kill -9; H2 adds {@code .mv.db} to the path).
         *
         * @param path the database file without its extension, e.g. {@code data/custflow}
         * @return this builder
         */
        public Builder h2File(Path path) {
            Objects.requireNonNull(path, "path");
            return url("jdbc:h2:file:" + path.toAbsolutePath() + ";WRITE_DELAY=0");
        }

        /**
         * @param jdbcUrl e.g. {@code jdbc:postgresql://db:5432/erp} or
         *                {@code jdbc:mariadb://db:3306/erp?rewriteBatchedStatements=true}
         * @return this builder
         */
        public Builder url(String jdbcUrl) {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            if (!jdbcUrl.startsWith("jdbc:")) {
                throw new IllegalArgumentException("The URL (" + jdbcUrl + ") is not a JDBC URL: it starts with jdbc:, "
                        + "e.g. jdbc:postgresql://localhost:5432/erp.");
            }
            this.url = jdbcUrl;
            this.dataSource = null;
            return this;
        }

        /**
         * @param user the database user
         * @return this builder
         */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /**
         * @param password the database password
         * @return this builder
         */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /**
         * Uses the host's own pool instead of making one (it is not closed by the store).
         *
         * @param dataSource the pool
         * @return this builder
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            this.url = null;
            return this;
        }

        /**
         * @param prefix the prefix of every table, {@code cf_} by default; letters, digits and _
         * @return this builder
         */
        public Builder tablePrefix(String prefix) {
            this.prefix = checkPrefix(prefix);
            return this;
        }

        /**
         * @param engineId the engine whose state this store keeps, {@code default} by default (engines with
         *                 different ids share the tables of one prefix but not their state)
         * @return this builder
         */
        public Builder engineId(String engineId) {
            Objects.requireNonNull(engineId, "engineId");
            if (engineId.isBlank() || engineId.length() > 100) {
                throw new IllegalArgumentException("The engine id (" + engineId + ") must be 1 to 100 characters.");
            }
            this.engineId = engineId;
            return this;
        }

        /**
         * @param migrate true (the default) to create and migrate the tables with Flyway; false when a DBA applies
         *                {@link #migrationSql(String, String)} by hand
         * @return this builder
         */
        public Builder migrate(boolean migrate) {
            this.migrate = migrate;
            return this;
        }

        /**
         * @param partitions how many relay partitions split the outbox (8 by default; fixed when the tables are
         *                   created): at most this many relays deliver at once
         * @return this builder
         */
        public Builder partitions(int partitions) {
            if (partitions < 1 || partitions > 1024) {
                throw new IllegalArgumentException("The number of relay partitions (" + partitions
                        + ") must be 1 to 1024.");
            }
            this.partitions = partitions;
            return this;
        }

        /**
         * @param poolSize the size of the pool the store makes (4 by default)
         * @return this builder
         */
        public Builder poolSize(int poolSize) {
            this.poolSize = Bounds.atLeast("poolSize", poolSize, 1);
            return this;
        }

        /**
         * @param clock where the outbox's created_at and the state's updated_at come from (the system clock by default)
         * @return this builder
         */
        public Builder clock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Opens the pool, creates or migrates the tables (unless {@code migrate(false)}), and makes the engine's state
         * row and the relay partitions if they are missing.
         *
         * @return the store (close it when done)
         * @throws ConnectorException if the database cannot be reached or the tables cannot be made or found
         */
        public JdbcCustomerStore build() {
            if (dataSource == null && url == null) {
                h2File(Path.of("custflow"));
            }
            HikariDataSource pool = null;
            DataSource source = dataSource;
            String name = dataSource != null ? "jdbc:" + prefix : url.replaceAll(";?(?i)password=[^;&]*", "") + " "
                    + prefix;
            if (source == null) {
                HikariConfig config = new HikariConfig();
                config.setJdbcUrl(url);
                config.setUsername(user);
                config.setPassword(password);
                config.setMaximumPoolSize(poolSize);
                config.setPoolName("custflow-" + prefix);
                try {
                    pool = new HikariDataSource(config);
                } catch (RuntimeException e) {
                    throw new ConnectorException(name, "cannot connect", e);
                }
                source = pool;
            }
            try {
                JdbcCustomerStore store = new JdbcCustomerStore(this, source, pool, name);
                store.setUp(migrate);
                return store;
            } catch (RuntimeException e) {
                if (pool != null) {
                    pool.close();
                }
                throw e;
            }
        }
    }
}
