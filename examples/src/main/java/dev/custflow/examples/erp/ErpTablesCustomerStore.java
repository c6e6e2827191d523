package dev.custflow.examples.erp;

import dev.custflow.ConnectorException;
import dev.custflow.Json;
import dev.custflow.action.Action;
import dev.custflow.spi.CustomerStore;
import dev.custflow.spi.StoreCommit;
import dev.custflow.spi.StoredState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import javax.sql.DataSource;

/**
 * A host's own {@link CustomerStore} over tables its ERP already has, in plain JDBC: the example of docs/jdbc.md
 * ("Your own tables"). The ERP's customer master gets one column for Custflow's snapshot; the engine's position is one
 * row of a small table and its state one row per part in another; actions go to the ERP's own work queue in the same transaction. The schema:
 *
 * <pre>
 * CREATE TABLE crm_customer (cust_no VARCHAR(64) PRIMARY KEY, name VARCHAR(200), cf_profile BLOB);
 * CREATE TABLE crm_custflow_state (id INT PRIMARY KEY, position BIGINT NOT NULL, last_event_id VARCHAR(200));
 * CREATE TABLE crm_custflow_part (part_key VARCHAR(100) PRIMARY KEY, part_bytes BLOB NOT NULL);
 * CREATE TABLE crm_work_queue (id BIGINT AUTO_INCREMENT PRIMARY KEY, action_id VARCHAR(200), cust_no VARCHAR(64),
 *                              payload CLOB, done BOOLEAN DEFAULT FALSE);
 * </pre>
 *
 * A customer the engine removes (merged into another, or erased) keeps its ERP row: only its snapshot is cleared; an
 * erasure of the ERP row itself is the ERP's own (docs/personal-data.md).
 */
public final class ErpTablesCustomerStore implements CustomerStore {
    private static final String NAME = "erp-tables";
    private final DataSource db;

    /** @param db the ERP's database, with the tables above */
    public ErpTablesCustomerStore(DataSource db) {
        this.db = db;
    }

    @Override
    public StoredState load() {
        try (Connection c = db.getConnection();
             PreparedStatement q = c.prepareStatement(
                     "SELECT position, last_event_id FROM crm_custflow_state WHERE id = 1");
             PreparedStatement p = c.prepareStatement("SELECT part_key, part_bytes FROM crm_custflow_part");
             ResultSet rs = q.executeQuery()) {
            if (!rs.next()) {
                return StoredState.EMPTY;
            }
            Map<String, byte[]> parts = new HashMap<>();
            try (ResultSet ps = p.executeQuery()) {
                while (ps.next()) {
                    parts.put(ps.getString(1), ps.getBytes(2));
                }
            }
            return new StoredState(rs.getLong(1), rs.getString(2), parts);
        } catch (SQLException e) {
            throw new ConnectorException(NAME, "cannot read the engine state", e);
        }
    }

    @Override
    public void forEachCustomer(BiConsumer<String, byte[]> visitor) {
        try (Connection c = db.getConnection();
             PreparedStatement q = c.prepareStatement(
                     "SELECT cust_no, cf_profile FROM crm_customer WHERE cf_profile IS NOT NULL")) {
            q.setFetchSize(1_000); // stream: a million customers need not fit in one result
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    visitor.accept(rs.getString(1), rs.getBytes(2));
                }
            }
        } catch (SQLException e) {
            throw new ConnectorException(NAME, "cannot read the customers", e);
        }
    }

    @Override
    public void commit(StoreCommit commit) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                write(c, commit);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback(); // nothing of a failed commit may remain
                throw e;
            }
        } catch (SQLException e) {
            throw new ConnectorException(NAME, "cannot commit up to position " + commit.position(), e);
        }
    }

    private static void write(Connection c, StoreCommit commit) throws SQLException {
        // The position first: it locks the state row, and a commit behind the stored position changes nothing.
        try (PreparedStatement up = c.prepareStatement("UPDATE crm_custflow_state SET position = ?, last_event_id = ? "
                + "WHERE id = 1 AND position <= ?")) {
            up.setLong(1, commit.position());
            up.setString(2, commit.lastEventId());
            up.setLong(3, commit.position());
            if (up.executeUpdate() == 0) {
                insertFirstState(c, commit);
            }
        }
        // Only the engine state parts the batch changed: delete the removed ones, replace the given ones.
        try (PreparedStatement del = c.prepareStatement("DELETE FROM crm_custflow_part WHERE part_key = ?")) {
            for (String key : commit.removedParts()) {
                del.setString(1, key);
                del.addBatch();
            }
            for (String key : commit.engineParts().keySet()) {
                del.setString(1, key);
                del.addBatch();
            }
            del.executeBatch();
        }
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO crm_custflow_part (part_key, part_bytes) VALUES (?, ?)")) {
            for (Map.Entry<String, byte[]> e : commit.engineParts().entrySet()) {
                ins.setString(1, e.getKey());
                ins.setBytes(2, e.getValue());
                ins.addBatch();
            }
            ins.executeBatch();
        }
        try (PreparedStatement clear = c.prepareStatement("UPDATE crm_customer SET cf_profile = NULL WHERE cust_no = ?")) {
            for (String id : commit.removed()) {
                clear.setString(1, id);
                clear.addBatch();
            }
            clear.executeBatch();
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE crm_customer SET cf_profile = ? WHERE cust_no = ?");
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO crm_customer (cust_no, cf_profile) VALUES (?, ?)")) {
            for (Map.Entry<String, byte[]> e : commit.customers().entrySet()) {
                update.setBytes(1, e.getValue());
                update.setString(2, e.getKey());
                if (update.executeUpdate() == 0) { // a lead the ERP has not seen yet
                    insert.setString(1, e.getKey());
                    insert.setBytes(2, e.getValue());
                    insert.executeUpdate();
                }
            }
        }
        try (PreparedStatement queue = c.prepareStatement(
                "INSERT INTO crm_work_queue (action_id, cust_no, payload) VALUES (?, ?, ?)")) {
            for (Action a : commit.actions()) {
                queue.setString(1, a.id());
                queue.setString(2, a.customerId());
                queue.setString(3, Json.write(a));
                queue.addBatch();
            }
            queue.executeBatch();
        }
    }

    private static void insertFirstState(Connection c, StoreCommit commit) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT position FROM crm_custflow_state WHERE id = 1");
             ResultSet rs = q.executeQuery()) {
            if (rs.next()) {
                throw new ConnectorException(NAME, "the commit's position " + commit.position()
                        + " is behind the stored position " + rs.getLong(1)
                        + "; another engine may be writing to this database", null);
            }
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO crm_custflow_state (id, position, last_event_id) "
                + "VALUES (1, ?, ?)")) {
            ins.setLong(1, commit.position());
            ins.setString(2, commit.lastEventId());
            ins.executeUpdate();
        }
    }
}
