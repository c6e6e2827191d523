package dev.custflow.connectors.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The JDBC store's own tests on MariaDB (a database made for this class). */
class MariaDbJdbcStoreIT extends JdbcStoreTests {
    private static TestDatabase db;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.mariadb();
    }

    @AfterAll
    static void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @Override
    TestDatabase db() {
        return db;
    }
}
