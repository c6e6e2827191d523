package dev.custflow.connectors.jdbc;

import dev.custflow.connectors.testkit.CustomerStoreContract;
import dev.custflow.connectors.testkit.FailingDataSource;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The kit's store contract for {@link JdbcCustomerStore}, once per database: each test gets new tables (a new
 * prefix) in the database of its class, seen through a {@link FailingDataSource} so a commit can fail half-way.
 */
@org.junit.jupiter.api.extension.ExtendWith(PerClassDatabase.class)
abstract class JdbcStoreContract extends CustomerStoreContract<JdbcCustomerStore> {
    private record Opened(FailingDataSource source, String prefix) {
    }

    private final Map<JdbcCustomerStore, Opened> opened = new IdentityHashMap<>();

    /** @return a new database of the vendor this class runs on (TestDatabase.h2(), .postgres(), .mariadb()) */
    abstract TestDatabase openDatabase();

    /** @return the database of the test class */
    final TestDatabase db() {
        return PerClassDatabase.of(getClass(), this::openDatabase);
    }

    private JdbcCustomerStore open(FailingDataSource source, String prefix) {
        JdbcCustomerStore s = JdbcCustomerStore.builder().dataSource(source).tablePrefix(prefix).build();
        opened.put(s, new Opened(source, prefix));
        return s;
    }

    @Override
    protected JdbcCustomerStore newStore() {
        return open(new FailingDataSource(db().pool), TestDatabase.freshPrefix());
    }

    @Override
    protected JdbcCustomerStore reopen(JdbcCustomerStore store) {
        store.close();
        Opened o = opened.get(store);
        return open(o.source(), o.prefix());
    }

    @Override
    protected boolean failNextCommitMidway(JdbcCustomerStore store) {
        // 1 the engine state, 2 the removals, 3 the customers; the outbox insert fails
        opened.get(store).source().failAfter(3);
        return true;
    }
}
