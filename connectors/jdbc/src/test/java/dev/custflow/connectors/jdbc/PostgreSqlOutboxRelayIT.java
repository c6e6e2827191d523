package dev.custflow.connectors.jdbc;

/** The outbox relay's tests on PostgreSQL (a database made for this class). */
class PostgreSqlOutboxRelayIT extends OutboxRelayTests {
    @Override
    TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
