package dev.custflow.connectors.jdbc;

/** The JDBC store's own tests on H2 (a database made for this class). */
class H2JdbcStoreTest extends JdbcStoreTests {
    @Override
    TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
