package dev.custflow.examples.erp;

import dev.custflow.connectors.testkit.CustomerStoreContract;
import dev.custflow.connectors.testkit.FailingDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The example of docs/jdbc.md: a host runs the kit's contract against its own store. Each test gets a new in-memory
 * H2 database with the ERP's tables; the store sees it through a {@link FailingDataSource} so that the kit can make
 * a commit fail half-way.
 */
class ErpTablesCustomerStoreTest extends CustomerStoreContract<ErpTablesCustomerStore> {
    private final Map<ErpTablesCustomerStore, FailingDataSource> sources = new IdentityHashMap<>();
    private Connection keepAlive; // an in-memory H2 database lives while a connection is open

    @Override
    protected ErpTablesCustomerStore newStore() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:erp-" + UUID.randomUUID());
        try {
            keepAlive = h2.getConnection();
            try (Statement s = keepAlive.createStatement()) {
                s.execute("CREATE TABLE crm_customer (cust_no VARCHAR(64) PRIMARY KEY, name VARCHAR(200), "
                        + "cf_profile BLOB)");
                s.execute("CREATE TABLE crm_custflow_state (id INT PRIMARY KEY, position BIGINT NOT NULL, "
                        + "last_event_id VARCHAR(200))");
                s.execute("CREATE TABLE crm_custflow_part (part_key VARCHAR(100) PRIMARY KEY, part_bytes BLOB NOT NULL)");
                s.execute("CREATE TABLE crm_work_queue (id BIGINT AUTO_INCREMENT PRIMARY KEY, action_id VARCHAR(200), "
                        + "cust_no VARCHAR(64), payload CLOB, done BOOLEAN DEFAULT FALSE)");
                s.execute("INSERT INTO crm_customer (cust_no, name) VALUES ('A', '王芳')"); // an ERP customer
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        FailingDataSource source = new FailingDataSource(h2);
        ErpTablesCustomerStore store = new ErpTablesCustomerStore(source);
        sources.put(store, source);
        return store;
    }

    @Override
    protected boolean failNextCommitMidway(ErpTablesCustomerStore store) {
        sources.get(store).failAfter(3); // the state row and the removals are written, a customer fails
        return true;
    }

    @Override
    protected ErpTablesCustomerStore reopen(ErpTablesCustomerStore store) {
        store.close();
        FailingDataSource source = sources.get(store); // the same database, as a restarted host sees it
        ErpTablesCustomerStore again = new ErpTablesCustomerStore(source);
        sources.put(again, source);
        return again;
    }

    @Override
    protected int manyCustomers() {
        return 5_000;
    }
}
