package dev.custflow.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.BatchResult;
import dev.custflow.ConnectorException;
import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.EventPump;
import dev.custflow.Json;
import dev.custflow.action.Action;
import dev.custflow.connectors.testkit.SampleActions;
import dev.custflow.event.CustomerErased;
import dev.custflow.event.Event;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.OrderPlaced;
import dev.custflow.spi.EventSource;
import dev.custflow.spi.SourceRecord;
import dev.custflow.spi.StoreCommit;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the JDBC store adds to the kit's contract, once per database: the outbox, the fence, prefixes, migrations. */
@org.junit.jupiter.api.extension.ExtendWith(PerClassDatabase.class)
abstract class JdbcStoreTests {

    /** @return a new database of the vendor this class runs on (TestDatabase.h2(), .postgres(), .mariadb()) */
    abstract TestDatabase openDatabase();

    /** @return the database of the test class */
    final TestDatabase db() {
        return PerClassDatabase.of(getClass(), this::openDatabase);
    }

    private static StoreCommit commit(long position, Map<String, byte[]> customers, List<Action> actions) {
        return new StoreCommit(position, "evt-" + position, Map.of("state", new byte[] {(byte) position}), Set.of(),
                customers, Set.of(), actions);
    }

    private List<String[]> query(String sql) {
        List<String[]> rows = new ArrayList<>();
        try (Connection c = db().pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                String[] row = new String[n];
                for (int i = 0; i < n; i++) {
                    row[i] = rs.getString(i + 1);
                }
                rows.add(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return rows;
    }

    private List<String> tables() {
        List<String> names = new ArrayList<>();
        try (Connection c = db().pool.getConnection();
             ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    private void execute(String sql) {
        try (Connection c = db().pool.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Test
    void aCommit_putsItsActionsInTheOutbox_inOrder_withTheCustomersPartition() {
        String prefix = TestDatabase.freshPrefix();
        try (JdbcCustomerStore store = db().store(prefix).partitions(4).build()) {
            List<Action> actions = new ArrayList<>(SampleActions.actions("A", 0, 3));
            actions.addAll(SampleActions.actions("B", 0, 2));
            store.commit(commit(2, Map.of("A", new byte[] {1}), actions));

            List<String[]> rows = query("SELECT action_id, customer_id, partition_no, payload, event_position, sent_at FROM "
                    + prefix + "outbox ORDER BY id");
            assertThat(rows).extracting(r -> r[0]).containsExactly("A#0", "A#1", "A#2", "B#0", "B#1");
            assertThat(rows).allSatisfy(r -> {
                assertThat(Integer.parseInt(r[2])).isEqualTo(store.partitionOf(r[1])).isBetween(0, 3);
                assertThat(r[4]).isEqualTo("2");
                assertThat(r[5]).isNull();
            });
            assertThat(rows.stream().map(r -> Json.readAction(r[3])).toList()).isEqualTo(actions);
            assertThat(store.pendingActions()).isEqualTo(5);
        }
    }

    @Test
    void twoEnginesOnOneStore_cannotBothAdvance_theSecondIsRefusedWithAClearError() {
        String prefix = TestDatabase.freshPrefix();
        try (JdbcCustomerStore first = db().store(prefix).build();
             JdbcCustomerStore second = db().store(prefix).build()) {
            first.load();
            second.load();
            first.commit(commit(5, Map.of("A", new byte[] {5}), SampleActions.actions("A", 0, 1)));

            assertThatThrownBy(() -> second.commit(commit(3, Map.of("A", new byte[] {3}),
                    SampleActions.actions("A", 1, 1))))
                    .isInstanceOf(ConnectorException.class)
                    .hasMessageContaining("another engine has committed to this store")
                    .hasMessageContaining("position 5")
                    .hasMessageContaining("Stop one of them");
            assertThat(first.load().position()).isEqualTo(5);
            assertThat(query("SELECT COUNT(*) FROM " + prefix + "outbox").get(0)[0]).isEqualTo("1");

            assertThat(second.load().position()).isEqualTo(5); // after reading the new state it may go on
            second.commit(commit(6, Map.of(), List.of()));
            assertThatThrownBy(() -> first.commit(commit(7, Map.of(), List.of())))
                    .isInstanceOf(ConnectorException.class).hasMessageContaining("another engine");
        }
    }

    @Test
    void enginesWithDifferentIds_keepTheirOwnStateInOneSetOfTables() {
        String prefix = TestDatabase.freshPrefix();
        try (JdbcCustomerStore a = db().store(prefix).engineId("north").build();
             JdbcCustomerStore b = db().store(prefix).engineId("south").build()) {
            a.commit(commit(4, Map.of(), List.of()));
            b.commit(commit(9, Map.of(), List.of()));
            assertThat(a.load().position()).isEqualTo(4);
            assertThat(b.load().position()).isEqualTo(9);
        }
    }

    @Test
    void tablesWithAPrefix_liveBesideTheErpsTables_andOtherPrefixes() {
        String erp = TestDatabase.freshPrefix();
        execute("CREATE TABLE " + erp + "customer (cust_no VARCHAR(20) PRIMARY KEY, name VARCHAR(50))");
        execute("INSERT INTO " + erp + "customer VALUES ('K-1', 'ERP row')");
        String one = TestDatabase.freshPrefix();
        String two = TestDatabase.freshPrefix();
        try (JdbcCustomerStore a = db().store(one).build(); JdbcCustomerStore b = db().store(two).build()) {
            a.commit(commit(1, Map.of("K-1", new byte[] {1}), List.of()));
            b.commit(commit(2, Map.of("K-2", new byte[] {2}), List.of()));
            assertThat(query("SELECT customer_id FROM " + one + "customer")).extracting(r -> r[0]).containsExactly("K-1");
            assertThat(query("SELECT customer_id FROM " + two + "customer")).extracting(r -> r[0]).containsExactly("K-2");
        }
        assertThat(query("SELECT name FROM " + erp + "customer")).extracting(r -> r[0]).containsExactly("ERP row");
        assertThat(tables()).contains(one + "schema_history", two + "schema_history"); // Flyway's, one per prefix
    }

    @Test
    void buildingAgain_leavesTheTablesAsTheyAre() {
        String prefix = TestDatabase.freshPrefix();
        try (JdbcCustomerStore store = db().store(prefix).build()) {
            store.commit(commit(3, Map.of("A", new byte[] {3}), List.of()));
        }
        try (JdbcCustomerStore again = db().store(prefix).build()) {
            assertThat(again.load().position()).isEqualTo(3);
        }
    }

    @Test
    void withoutMigrate_missingTablesAreAnErrorThatNamesTheSqlToApply() {
        String prefix = TestDatabase.freshPrefix();
        assertThatThrownBy(() -> db().store(prefix).migrate(false).build())
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining(prefix)
                .hasMessageContaining("JdbcCustomerStore.migrationSql(");
    }

    @Test
    void withoutMigrate_theShippedSqlAppliedByHand_isEnough() {
        String prefix = TestDatabase.freshPrefix();
        String sql = JdbcCustomerStore.migrationSql(db().vendor, prefix);
        assertThat(sql).doesNotContain("${prefix}").contains("CREATE TABLE " + prefix + "customer");
        for (String statement : sql.replaceAll("(?m)^--.*$", "").split(";")) {
            if (!statement.isBlank()) {
                execute(statement);
            }
        }
        try (JdbcCustomerStore store = db().store(prefix).migrate(false).build()) {
            store.commit(commit(1, Map.of("A", new byte[] {1}), SampleActions.actions("A", 0, 2)));
            assertThat(store.load().position()).isEqualTo(1);
            assertThat(store.pendingActions()).isEqualTo(2);
        }
        assertThat(query("SELECT COUNT(*) FROM " + prefix + "relay_lease").get(0)[0]).isEqualTo("8");
    }

    @Test
    void anotherNumberOfPartitions_thanTheTablesWereMadeWith_isRefused() {
        String prefix = TestDatabase.freshPrefix();
        db().store(prefix).partitions(4).build().close();
        assertThatThrownBy(() -> db().store(prefix).partitions(6).build())
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("4 relay partitions").hasMessageContaining(".partitions(4)");
    }
    /** Records handed over once, in order: what a JSON Lines file or a queue gives the pump. */
    private static EventSource sourceOf(List<String> jsonLines) {
        return new EventSource() {
            private boolean polled;

            @Override
            public List<SourceRecord> poll(Duration timeout) {
                List<SourceRecord> out = new ArrayList<>();
                for (int i = 0; !polled && i < jsonLines.size(); i++) {
                    out.add(new SourceRecord("record " + (i + 1), jsonLines.get(i)));
                }
                polled = true;
                return out;
            }

            @Override
            public void acknowledge() {
            }
        };
    }

    private static String order(String id, String customerId) {
        return "{\"type\":\"OrderPlaced\",\"id\":\"" + id + "\",\"at\":\"2024-03-01T10:00:00Z\",\"orderId\":\"SO-"
                + id + "\",\"customerId\":\"" + customerId + "\",\"amount\":120}";
    }

    /**
     * Issue "Hostile input never wins", item 3: a customer id longer than the store's column (200) or with a NUL used
     * to fail every commit, so the position never moved and every later run failed the same way. The contract's id
     * limits (docs/events.md, "Limits") refuse both when the event is read, before the engine or the store sees them.
     */
    @Test
    void poisonCustomerIds_areRejectedBeforeTheStore_thePositionMovesOn_andLaterEventsCommit() {
        String prefix = TestDatabase.freshPrefix();
        String tooLong = "C".repeat(201);
        List<EventPump.Rejected> rejected = new ArrayList<>();
        try (JdbcCustomerStore store = db().store(prefix).build();
             Engine engine = Custflow.builder().store(store).build()) {
            BatchResult r = new EventPump(engine, sourceOf(List.of(order("e1", "C-1"), order("e2", tooLong),
                    order("e3", "C\\u0000-3"), order("e4", "C-4"))), rejected::add).pumpOnce(Duration.ZERO);

            assertThat(r.accepted()).isEqualTo(2);
            assertThat(engine.position()).isEqualTo(2);
        }
        assertThat(rejected).extracting(EventPump.Rejected::origin).containsExactly("record 2", "record 3");
        assertThat(rejected).allSatisfy(x -> assertThat(x.rejection().field()).isEqualTo("customerId"));
        assertThat(rejected.get(0).rejection().message()).contains("at most 128 characters").doesNotContain(tooLong);

        try (JdbcCustomerStore store = db().store(prefix).build();
             Engine engine = Custflow.builder().store(store).build()) {
            assertThat(engine.position()).as("the next run starts after the batch").isEqualTo(2);
            assertThat(engine.customer("C-4")).isPresent();
            engine.acceptAll(List.of(Json.readEvent(order("e5", "C-5"))));
            assertThat(engine.position()).isEqualTo(3);
        }
        assertThat(query("SELECT customer_id FROM " + prefix + "customer ORDER BY customer_id"))
                .extracting(row -> row[0]).containsExactly("C-1", "C-4", "C-5");
    }

    @Test
    void anErasedCustomer_leavesNoRow_andNoTraceInTheEngineState() {
        String prefix = TestDatabase.freshPrefix();
        String id = "ERASE-ME-4711";
        Instant t = Instant.parse("2024-03-01T09:00:00Z");
        List<Event> history = List.of(
                LeadCaptured.builder("e1", t, id, "WEBSITE").name("王芳").phone("139 1234 5678").build(),
                OrderPlaced.of("e2", t.plusSeconds(3_600), "SO-9", id, new BigDecimal("800.00")),
                LeadCaptured.builder("e3", t.plusSeconds(7_200), "DUP-4711", "WECHAT").phone("13912345678").build());
        try (JdbcCustomerStore store = db().store(prefix).build(); Engine e = Custflow.builder().store(store).build()) {
            e.acceptAll(history);
            assertThat(query("SELECT customer_id FROM " + prefix + "customer")).extracting(r -> r[0])
                    .containsExactly(id);
            e.acceptAll(List.of(new CustomerErased("e4", t.plusSeconds(86_400), id)));
        }
        assertThat(query("SELECT customer_id FROM " + prefix + "customer")).isEmpty();
        List<byte[]> parts = bytes("SELECT part_bytes FROM " + prefix + "engine_part");
        assertThat(parts).isNotEmpty().noneMatch(b -> new String(b, StandardCharsets.ISO_8859_1).contains(id))
                .noneMatch(b -> new String(b, StandardCharsets.ISO_8859_1).contains("DUP-4711"));
        try (JdbcCustomerStore store = db().store(prefix).build(); Engine e = Custflow.builder().store(store).build()) {
            assertThat(e.customerCount()).isZero();
            assertThat(e.accept(LeadCaptured.builder("e5", t.plusSeconds(90_000), "NEW-1", "WEBSITE")
                    .phone("13912345678").build())).extracting(Action::type).doesNotContain("LEADS_MERGED");
        }
    }

    private List<byte[]> bytes(String sql) {
        List<byte[]> rows = new ArrayList<>();
        try (Connection c = db().pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getBytes(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return rows;
    }
}
