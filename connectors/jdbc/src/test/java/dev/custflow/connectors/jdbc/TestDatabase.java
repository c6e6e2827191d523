package dev.custflow.connectors.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A database made for one test class and dropped after it: an H2 file under target/, or a new database with a random
 * name on the local PostgreSQL or MariaDB server. When the server does not answer, the class is skipped with the
 * reason printed.
 */
final class TestDatabase implements AutoCloseable {
    static final String PG_HOST = System.getProperty("custflow.test.postgres", "127.0.0.1:5432");
    static final String MARIADB_HOST = System.getProperty("custflow.test.mariadb", "127.0.0.1:3306");

    final String vendor;
    final String url;
    final String user;
    final HikariDataSource pool;
    private final String adminUrl;
    private final String dropSql;

    private TestDatabase(String vendor, String url, String user, String adminUrl, String dropSql) {
        this.vendor = vendor;
        this.url = url;
        this.user = user;
        this.adminUrl = adminUrl;
        this.dropSql = dropSql;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setMaximumPoolSize(8);
        config.setPoolName("test-" + vendor);
        this.pool = new HikariDataSource(config);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
    }

    /** @return a new table prefix: each test gets its own tables in the class's database */
    static String freshPrefix() {
        return "t" + suffix() + "_";
    }

    static TestDatabase h2() {
        try {
            Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "h2-");
            return new TestDatabase("h2", "jdbc:h2:file:" + dir.resolve("custflow") + ";WRITE_DELAY=0", "sa", null,
                    null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static TestDatabase postgres() {
        String admin = "jdbc:postgresql://" + PG_HOST + "/postgres?connectTimeout=3";
        String db = "cf_test_" + suffix();
        admin(admin, "postgres", "PostgreSQL", "CREATE DATABASE " + db);
        return new TestDatabase("postgresql", "jdbc:postgresql://" + PG_HOST + "/" + db, "postgres", admin,
                "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
    }

    static TestDatabase mariadb() {
        String admin = "jdbc:mariadb://" + MARIADB_HOST + "/?sslMode=disable&connectTimeout=3000";
        String db = "cf_test_" + suffix();
        admin(admin, "root", "MariaDB", "CREATE DATABASE " + db + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        return new TestDatabase("mariadb", "jdbc:mariadb://" + MARIADB_HOST + "/" + db
                + "?sslMode=disable&rewriteBatchedStatements=true", "root", admin, "DROP DATABASE IF EXISTS " + db);
    }

    private static void admin(String adminUrl, String user, String server, String sql) {
        Connection c;
        try {
            c = DriverManager.getConnection(adminUrl, user, "");
        } catch (SQLException e) {
            String reason = server + " is not reachable at " + adminUrl + " as " + user + " (" + e.getMessage()
                    + "): its tests are skipped. Start the server (see .ci/run) to run them.";
            System.out.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
            return;
        }
        try (c; Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(server + ": " + sql + " failed", e);
        }
    }

    JdbcCustomerStore.Builder store(String prefix) {
        return JdbcCustomerStore.builder().dataSource(pool).tablePrefix(prefix);
    }

    @Override
    public void close() {
        pool.close();
        if (adminUrl != null) {
            admin(adminUrl, vendor.equals("postgresql") ? "postgres" : "root", vendor, dropSql);
        }
    }
}
