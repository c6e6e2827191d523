package dev.custflow.connectors.jdbc;

/** The kit's store contract on MariaDB (a database made for this class). */
class MariaDbJdbcCustomerStoreIT extends JdbcStoreContract {
    @Override
    TestDatabase openDatabase() {
        return TestDatabase.mariadb();
    }
}
