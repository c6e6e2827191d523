package dev.custflow.connectors.jdbc;

/** The JDBC store's own tests on PostgreSQL (a database made for this class). */
class PostgreSqlJdbcStoreIT extends JdbcStoreTests {
    @Override
    TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
