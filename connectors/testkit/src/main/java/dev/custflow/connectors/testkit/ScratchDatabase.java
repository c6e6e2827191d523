package dev.custflow.connectors.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * A database made for one test class and dropped after it: an H2 file under the temporary folder, or a new database
 * with a random name on the local PostgreSQL or MariaDB server (hosts from the system properties
 * {@code custflow.test.postgres} and {@code custflow.test.mariadb}). When the server does not answer, the test is
 * skipped with the reason printed. The JDBC drivers come from the test's own class path.
 */
public final class ScratchDatabase implements AutoCloseable {
    private static final String PG_HOST = System.getProperty("custflow.test.postgres", "127.0.0.1:5432");
    private static final String MARIADB_HOST = System.getProperty("custflow.test.mariadb", "127.0.0.1:3306");

    private final String vendor;
    private final String url;
    private final String user;
    private final String adminUrl;
    private final String dropSql;

    private ScratchDatabase(String vendor, String url, String user, String adminUrl, String dropSql) {
        this.vendor = vendor;
        this.url = url;
        this.user = user;
        this.adminUrl = adminUrl;
        this.dropSql = dropSql;
    }

    /** @return ten random lower-case letters and digits, for names that must not collide */
    public static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
    }

    /**
     * @param name    the database file's name
     * @param options appended to the URL as they are (e.g. {@code ";WRITE_DELAY=0"}), or ""
     * @return an H2 file database in a new temporary folder
     */
    public static ScratchDatabase h2(String name, String options) {
        try {
            Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "h2-");
            return new ScratchDatabase("h2", "jdbc:h2:file:" + dir.resolve(name) + options, "sa", null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param prefix the start of the database's name; a random suffix follows
     * @return a new database on the local PostgreSQL server, or the test is skipped
     */
    public static ScratchDatabase postgres(String prefix) {
        String admin = "jdbc:postgresql://" + PG_HOST + "/postgres?connectTimeout=3";
        String db = prefix + suffix();
        admin(admin, "postgres", "PostgreSQL", "CREATE DATABASE " + db);
        return new ScratchDatabase("postgresql", "jdbc:postgresql://" + PG_HOST + "/" + db, "postgres", admin,
                "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
    }

    /**
     * @param prefix  the start of the database's name; a random suffix follows
     * @param options appended to the URL's query as they are (e.g. {@code "&rewriteBatchedStatements=true"}), or ""
     * @return a new database on the local MariaDB server, or the test is skipped
     */
    public static ScratchDatabase mariadb(String prefix, String options) {
        String admin = "jdbc:mariadb://" + MARIADB_HOST + "/?sslMode=disable&connectTimeout=3000";
        String db = prefix + suffix();
        admin(admin, "root", "MariaDB", "CREATE DATABASE " + db + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        return new ScratchDatabase("mariadb", "jdbc:mariadb://" + MARIADB_HOST + "/" + db + "?sslMode=disable"
                + options, "root", admin, "DROP DATABASE IF EXISTS " + db);
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

    /** @return h2, postgresql or mariadb */
    public String vendor() {
        return vendor;
    }

    /** @return the JDBC URL of the database */
    public String url() {
        return url;
    }

    /** @return the user to connect as (no password) */
    public String user() {
        return user;
    }

    /**
     * @return a new connection to the database
     * @throws SQLException if it cannot be opened
     */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, "");
    }

    /** Drops the database on its server (an H2 file stays in the temporary folder). */
    @Override
    public void close() {
        if (adminUrl != null) {
            admin(adminUrl, user, vendor, dropSql);
        }
    }
}
