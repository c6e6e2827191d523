package dev.custflow.connectors.jdbc;

/** The outbox relay's tests on H2 (a database made for this class). */
class H2OutboxRelayTest extends OutboxRelayTests {
    @Override
    TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
