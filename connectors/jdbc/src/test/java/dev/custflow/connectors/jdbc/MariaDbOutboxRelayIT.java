package dev.custflow.connectors.jdbc;

/** The outbox relay's tests on MariaDB (a database made for this class). */
class MariaDbOutboxRelayIT extends OutboxRelayTests {
    @Override
    TestDatabase openDatabase() {
        return TestDatabase.mariadb();
    }
}
