package dev.custflow.connectors.jdbc;

/** The kit's store contract on H2 (a database made for this class). */
class H2JdbcCustomerStoreTest extends JdbcStoreContract {
    @Override
    TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
