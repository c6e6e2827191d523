package dev.custflow.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.Json;
import dev.custflow.action.Action;
import dev.custflow.event.Event;
import dev.custflow.model.CustomerProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine and the JDBC store together (H2 file, the default): an engine that stops after any call and is built
 * again on the same database goes on from its position and ends exactly where one uninterrupted run ends, with
 * the same actions (de-duplicated by id) and the same customers; the outbox holds every action once.
 */
class EngineOnJdbcStoreTest {

    /** The docs' hand-written histories: leads with merges and reps, half a year of retention, then fulfilment. */
    private static List<Event> history() throws IOException {
        List<Event> events = new ArrayList<>();
        for (String f : List.of("../../docs/examples/leads.jsonl", "../../docs/examples/retention.jsonl",
                "../../docs/examples/fulfilment.jsonl")) {
            for (String line : Files.readAllLines(Path.of(f))) {
                if (!line.isBlank()) {
                    events.add(Json.readEvent(line));
                }
            }
        }
        return events;
    }

    private static Map<String, CustomerProfile> profiles(Engine e) {
        Map<String, CustomerProfile> m = new TreeMap<>();
        e.forEachCustomer(p -> m.put(p.id(), p));
        return m;
    }

    @Test
    void stoppedAfterEveryFewCalls_andBuiltAgainOnTheDatabase_endsLikeOneRun(@TempDir Path dir) throws Exception {
        List<Event> events = history();
        Map<String, String> once = new LinkedHashMap<>();
        Map<String, CustomerProfile> expected;
        try (Engine e = Custflow.builder().build()) {
            for (int i = 0; i < events.size(); i += 3) {
                e.acceptAll(events.subList(i, Math.min(events.size(), i + 3))).actions()
                        .forEach(a -> once.put(a.id(), Json.write(a)));
            }
            expected = profiles(e);
        }

        Map<String, String> delivered = new LinkedHashMap<>();
        Map<String, CustomerProfile> actual = null;
        int restarts = 0;
        while (true) {
            try (JdbcCustomerStore store = JdbcCustomerStore.builder().h2File(dir.resolve("custflow")).build()) {
                Engine e = Custflow.builder().store(store).build(); // dropped without close: a crash after a commit
                int from = (int) e.position();
                if (from >= events.size()) {
                    actual = profiles(e);
                    break;
                }
                for (int i = from; i < Math.min(events.size(), from + 9); i += 3) {
                    for (Action a : e.acceptAll(events.subList(i, Math.min(events.size(), i + 3))).actions()) {
                        delivered.put(a.id(), Json.write(a));
                    }
                }
                restarts++;
            }
        }

        assertThat(restarts).isGreaterThan(5);
        assertThat(delivered).isEqualTo(once);
        assertThat(actual).isEqualTo(expected);
        try (JdbcCustomerStore store = JdbcCustomerStore.builder().h2File(dir.resolve("custflow")).build();
             var c = store.dataSource().getConnection();
             var rs = c.createStatement().executeQuery("SELECT COUNT(*), COUNT(DISTINCT action_id) FROM cf_outbox")) {
            rs.next();
            assertThat(rs.getLong(1)).as("outbox rows").isEqualTo(once.size());
            assertThat(rs.getLong(2)).as("distinct actions in the outbox").isEqualTo(once.size());
        }
    }
}
