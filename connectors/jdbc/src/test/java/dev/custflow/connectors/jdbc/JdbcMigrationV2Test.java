package dev.custflow.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.spi.StoreCommit;
import dev.custflow.spi.StoredState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * Migration V2 (the engine state in keyed parts) on tables of schema version 1 that hold a committed engine state:
 * the state becomes the part "state" (engine state format version 1, which the engine still reads), the position
 * and the fence stay, and the store goes on committing parts.
 */
class JdbcMigrationV2Test {

    @Test
    void aVersion1EngineState_becomesThePartState_andTheStoreGoesOn() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:v2-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure(JdbcCustomerStore.class.getClassLoader()).dataSource(h2)
                .locations("classpath:dev/custflow/connectors/jdbc/migration/h2").table("cf_schema_history")
                .placeholders(Map.of("prefix", "cf_")).target("1").load().migrate();
        byte[] v1 = {1, 2, 3, 4, 5};
        try (Connection c = h2.getConnection();
             PreparedStatement ins = c.prepareStatement("INSERT INTO cf_engine_state (engine_id, event_position, "
                     + "last_event_id, engine_state, version, updated_at) VALUES ('default', 42, 'evt-41', ?, 3, 0)")) {
            ins.setBytes(1, v1);
            ins.executeUpdate();
        }

        try (JdbcCustomerStore store = JdbcCustomerStore.builder().dataSource(h2).build()) {
            StoredState state = store.load();
            assertThat(state.position()).isEqualTo(42);
            assertThat(state.lastEventId()).isEqualTo("evt-41");
            assertThat(state.engineParts()).containsOnlyKeys("state");
            assertThat(state.engineParts().get("state")).isEqualTo(v1);

            store.commit(new StoreCommit(43, "evt-42", Map.of("state", new byte[] {2}, "ids.events.0",
                    new byte[] {7}), Set.of(), Map.of(), Set.of(), List.of()));
            store.commit(new StoreCommit(44, "evt-43", Map.of("state", new byte[] {2, 2}), Set.of("ids.events.0"),
                    Map.of(), Set.of(), List.of()));
            StoredState after = store.load();
            assertThat(after.position()).isEqualTo(44);
            assertThat(after.engineParts()).containsOnlyKeys("state");
            assertThat(after.engineParts().get("state")).isEqualTo(new byte[] {2, 2});
        }
        try (Connection c = h2.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT version FROM cf_engine_state WHERE engine_id = 'default'");
             ResultSet rs = q.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).as("the fence went on from version 3").isEqualTo(5);
        }
    }
}
