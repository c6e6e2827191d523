package dev.custflow.connectors.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.custflow.connectors.testkit.ScratchDatabase;

/**
 * A database made for one test class and dropped after it ({@link ScratchDatabase}: an H2 file, or a new database with a
 * random name on the local PostgreSQL or MariaDB server, the class skipped with the reason printed when the server does
 * not answer), with a connection pool and the store's builder on it.
 */
final class TestDatabase implements AutoCloseable {
    final String vendor;
    final String url;
    final String user;
    final HikariDataSource pool;
    private final ScratchDatabase database;

    private TestDatabase(ScratchDatabase database) {
        this.database = database;
        this.vendor = database.vendor();
        this.url = database.url();
        this.user = database.user();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setMaximumPoolSize(8);
        config.setPoolName("test-" + vendor);
        this.pool = new HikariDataSource(config);
    }

    /** @return a new table prefix: each test gets its own tables in the class's database */
    static String freshPrefix() {
        return "t" + ScratchDatabase.suffix() + "_";
    }

    static TestDatabase h2() {
        return new TestDatabase(ScratchDatabase.h2("custflow", ";WRITE_DELAY=0"));
    }

    static TestDatabase postgres() {
        return new TestDatabase(ScratchDatabase.postgres("cf_test_"));
    }

    static TestDatabase mariadb() {
        return new TestDatabase(ScratchDatabase.mariadb("cf_test_", "&rewriteBatchedStatements=true"));
    }

    JdbcCustomerStore.Builder store(String prefix) {
        return JdbcCustomerStore.builder().dataSource(pool).tablePrefix(prefix);
    }

    @Override
    public void close() {
        pool.close();
        database.close();
    }
}
