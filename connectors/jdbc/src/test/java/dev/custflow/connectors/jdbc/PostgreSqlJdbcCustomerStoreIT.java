package dev.custflow.connectors.jdbc;

/** The kit's store contract on PostgreSQL (a database made for this class). */
class PostgreSqlJdbcCustomerStoreIT extends JdbcStoreContract {
    @Override
    TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
