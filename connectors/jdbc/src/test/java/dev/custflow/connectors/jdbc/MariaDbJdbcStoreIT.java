package dev.custflow.connectors.jdbc;

/** The JDBC store's own tests on MariaDB (a database made for this class). */
class MariaDbJdbcStoreIT extends JdbcStoreTests {
    @Override
    TestDatabase openDatabase() {
        return TestDatabase.mariadb();
    }
}
