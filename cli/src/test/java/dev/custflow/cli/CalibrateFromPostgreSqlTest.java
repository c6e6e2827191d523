package dev.custflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.examples.SyntheticChineseLeads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code calibrate --jdbc-url} on the local PostgreSQL: a CRM's lead table with Chinese column names, read by a
 * query. Skipped, saying why, when no server answers (set {@code -Dcustflow.test.postgres=HOST:PORT} for another).
 */
class CalibrateFromPostgreSqlTest {
    private static final String PG_HOST = System.getProperty("custflow.test.postgres", "127.0.0.1:5432");

    @TempDir
    Path dir;

    @Test
    void aQueryOnPostgreSql_calibratesLikeTheFile() throws Exception {
        Path csv = SyntheticChineseLeads.write(dir, 300, 8);
        Path mapping = SyntheticChineseLeads.writeMapping(dir);
        String admin = "jdbc:postgresql://" + PG_HOST + "/postgres?connectTimeout=3";
        String db = "cf_calibrate_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10)
                .toLowerCase(Locale.ROOT);
        try (Connection c = postgres(admin); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        }
        String url = "jdbc:postgresql://" + PG_HOST + "/" + db;
        try {
            try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
                load(c, Files.readAllLines(csv));
            }
            Main.Result fromDb = Main.capture("calibrate", "--jdbc-url", url, "--user", "postgres", "--query",
                    "select * from 线索 order by 线索编号", "--mapping", mapping.toString(), "--out",
                    dir.resolve("db.yaml").toString());
            Main.Result fromFile = Main.capture("calibrate", "--leads", csv.toString(), "--mapping",
                    mapping.toString(), "--out", dir.resolve("file.yaml").toString());

            assertThat(fromDb.code()).as(fromDb.err()).isZero();
            assertThat(fromDb.out()).startsWith("Calibrated a lead scorecard on 210 of 300 leads in query");
            // the same leads in the same order: the same scorecard, whichever way they came
            assertThat(Files.readString(dir.resolve("db.yaml")).replaceFirst("Source: query", "Source: 线索.csv"))
                    .isEqualTo(Files.readString(dir.resolve("file.yaml")));
        } finally {
            try (Connection c = postgres(admin); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            }
        }
    }

    private static void load(Connection c, List<String> lines) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create table 线索 (线索编号 int primary key, 来源渠道 text, 省份 text, 行业 text, 职位 text, "
                    + "最近活动 text, 网站停留秒数 int, 访问次数 int, 是否成交 text, 备注 text)");
        }
        try (PreparedStatement p = c.prepareStatement("insert into 线索 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (String line : lines.subList(1, lines.size())) {
                String[] v = line.split(",", -1);
                for (int i = 0; i < v.length; i++) {
                    if (i == 0 || i == 6 || i == 7) {
                        p.setInt(i + 1, Integer.parseInt(v[i]));
                    } else {
                        p.setString(i + 1, v[i].isEmpty() ? null : v[i]);
                    }
                }
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    /** @return a connection as postgres to the admin URL, or the test is skipped with the reason printed */
    private static Connection postgres(String adminUrl) {
        try {
            return DriverManager.getConnection(adminUrl, "postgres", "");
        } catch (SQLException e) {
            String reason = "PostgreSQL is not reachable at " + adminUrl + " as postgres (" + e.getMessage()
                    + "): calibrate --jdbc-url on it is skipped. Start the server (or set "
                    + "-Dcustflow.test.postgres=HOST:PORT) to run it.";
            System.out.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
            throw new IllegalStateException(reason); // not reached: abort throws
        }
    }
}
