package dev.custflow.insights.export;

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
 * name on the local PostgreSQL or MariaDB server (as the JDBC connector's tests do). When the server does not answer,
 * the class is skipped with the reason printed.
 */
final class ExportDatabase implements AutoCloseable {
    private static final String PG_HOST = System.getProperty("custflow.test.postgres", "127.0.0.1:5432");
    private static final String MARIADB_HOST = System.getProperty("custflow.test.mariadb", "127.0.0.1:3306");

    private final String url;
    private final String user;
    private final String adminUrl;
    private final String dropSql;

    private ExportDatabase(String url, String user, String adminUrl, String dropSql) {
        this.url = url;
        this.user = user;
        this.adminUrl = adminUrl;
        this.dropSql = dropSql;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
    }

    static ExportDatabase h2() throws Exception {
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "h2-bi-");
        return new ExportDatabase("jdbc:h2:file:" + dir.resolve("bi"), "sa", null, null);
    }

    static ExportDatabase postgres() {
        String admin = "jdbc:postgresql://" + PG_HOST + "/postgres?connectTimeout=3";
        String db = "cf_bi_" + suffix();
        admin(admin, "postgres", "PostgreSQL", "CREATE DATABASE " + db);
        return new ExportDatabase("jdbc:postgresql://" + PG_HOST + "/" + db, "postgres", admin,
                "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
    }

    static ExportDatabase mariadb() {
        String admin = "jdbc:mariadb://" + MARIADB_HOST + "/?sslMode=disable&connectTimeout=3000";
        String db = "cf_bi_" + suffix();
        admin(admin, "root", "MariaDB", "CREATE DATABASE " + db + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        return new ExportDatabase("jdbc:mariadb://" + MARIADB_HOST + "/" + db + "?sslMode=disable", "root", admin,
                "DROP DATABASE IF EXISTS " + db);
    }

    private static void admin(String adminUrl, String user, String server, String sql) {
        Connection c;
        try {
            c = DriverManager.getConnection(adminUrl, user, "");
        } catch (SQLException e) {
            String reason = server + " is not reachable at " + adminUrl + " as " + user + " (" + e.getMessage()
                    + "): its BI export tests are skipped. Start the server (see .ci/run) to run them.";
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

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, "");
    }

    @Override
    public void close() {
        if (adminUrl != null) {
            admin(adminUrl, url.startsWith("jdbc:postgresql") ? "postgres" : "root", "cleanup", dropSql);
        }
    }
}
