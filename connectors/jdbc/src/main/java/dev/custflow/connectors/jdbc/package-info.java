/**
 * The JDBC connector: {@link dev.custflow.connectors.jdbc.JdbcCustomerStore} keeps customer snapshots, the engine's
 * state and an outbox of actions in the host's database, one transaction per batch;
 * {@link dev.custflow.connectors.jdbc.OutboxRelay} delivers the outbox at least once, in order per customer, with
 * leased partitions so that several relays can run. docs/jdbc.md tells how to set it up.
 */
package dev.custflow.connectors.jdbc;
