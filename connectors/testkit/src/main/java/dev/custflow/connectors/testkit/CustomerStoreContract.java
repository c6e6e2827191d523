package dev.custflow.connectors.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.ConnectorException;
import dev.custflow.action.Action;
import dev.custflow.spi.CustomerStore;
import dev.custflow.spi.StoreCommit;
import dev.custflow.spi.StoredState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the engine relies on from a {@link CustomerStore}, as tests a host inherits. Extend it in a test class of
 * your own, return a new, empty store from {@link #newStore()}, and run it with your other tests:
 *
 * <pre>{@code
 * class ErpTablesCustomerStoreTest extends CustomerStoreContract<ErpTablesCustomerStore> {
 *     protected ErpTablesCustomerStore newStore() { return new ErpTablesCustomerStore(freshDatabase()); }
 * }
 * }</pre>
 *
 * <p>Checked: a new store loads {@link StoredState#EMPTY}; commits round-trip (customers upserted and removed,
 * engine state, position and last event id returned by {@link CustomerStore#load()}); snapshots come back byte for
 * byte, large ones too; the position never moves back; {@link CustomerStore#forEachCustomer} streams many customers,
 * each once. Two checks need the implementation's help and are skipped, with the reason printed, when a subclass does
 * not give it: a commit that fails half-way leaves nothing behind ({@link #failNextCommitMidway}), and a reopened store
 * holds what was committed ({@link #reopen}).
 *
 * @param <S> the store under test
 */
public abstract class CustomerStoreContract<S extends CustomerStore> {
    private final List<CustomerStore> opened = new ArrayList<>();

    /** The store of the current test, from {@link #newStore()}; closed after the test. */
    protected S store;

    /**
     * @return a new store over empty storage (a new table prefix, schema or database); each test gets its own
     */
    protected abstract S newStore();

    /**
     * Closes the store and opens the same storage again, as a restarted host would.
     *
     * @param store a store from {@link #newStore()}
     * @return a new store over the same storage, or null when the implementation cannot (the test is then skipped)
     */
    protected S reopen(S store) {
        return null;
    }

    /**
     * Arranges that the next {@link CustomerStore#commit} of this store fails after it has written part of the
     * commit (say, after the customers and before the position), with a {@link ConnectorException}; later commits
     * work again. A JDBC store can do it with a DataSource that throws on the n-th statement.
     *
     * @param store the store under test
     * @return false when the implementation offers no way to fail half-way (the test is then skipped)
     */
    protected boolean failNextCommitMidway(S store) {
        return false;
    }

    /** @return how many customers {@link #forEachCustomer_streamsManyCustomers_eachOnce} writes; 20,000 by default */
    protected int manyCustomers() {
        return 20_000;
    }

    @BeforeEach
    final void openStore() {
        store = track(newStore());
    }

    @AfterEach
    final void closeStores() {
        for (CustomerStore s : opened) {
            s.close();
        }
        opened.clear();
    }

    private S track(S s) {
        if (s != null) {
            opened.add(s);
        }
        return s;
    }

    /** @return a snapshot that is not text: every byte value, then the label, so no two labels give equal bytes */
    protected static byte[] snapshot(String label) {
        byte[] text = label.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[256 + text.length];
        for (int i = 0; i < 256; i++) {
            out[i] = (byte) i;
        }
        System.arraycopy(text, 0, out, 256, text.length);
        return out;
    }

    /**
     * @param position    the position after the batch
     * @param customers   changed customers, by id
     * @param removed     removed customers
     * @param actions     the batch's actions
     * @return a commit with last event id {@code "evt-" + position} and one engine state part, {@code "state"}:
     *         {@code snapshot("engine@" + position)}
     */
    protected static StoreCommit commit(long position, Map<String, byte[]> customers, Set<String> removed,
                                        List<Action> actions) {
        return new StoreCommit(position, "evt-" + position, Map.of("state", snapshot("engine@" + position)), Set.of(),
                customers, removed, actions);
    }

    private static Map<String, String> readable(Map<String, byte[]> customers) {
        Map<String, String> out = new HashMap<>();
        customers.forEach((id, bytes) -> out.put(id, Arrays.toString(bytes)));
        return out;
    }

    /** @return every stored customer, as read by forEachCustomer, bytes shown as text so that maps compare */
    private static Map<String, String> customersOf(CustomerStore s) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        s.forEachCustomer((id, bytes) -> {
            assertThat(out.put(id, bytes)).as("customer %s was handed to the visitor twice", id).isNull();
        });
        return readable(out);
    }

    private static void assertState(StoredState state, long position, String lastEventId, byte[] engineState) {
        assertState(state, position, lastEventId, Map.of("state", engineState));
    }

    private static void assertState(StoredState state, long position, String lastEventId,
                                    Map<String, byte[]> engineParts) {
        assertThat(state.position()).as("position").isEqualTo(position);
        assertThat(state.lastEventId()).as("last event id").isEqualTo(lastEventId);
        assertThat(readable(state.engineParts())).as("engine state parts").isEqualTo(readable(engineParts));
    }

    @Test
    void aNewStore_loadsEmpty_andHasNoCustomers() {
        assertThat(store.load()).isEqualTo(StoredState.EMPTY);
        assertThat(customersOf(store)).isEmpty();
    }

    @Test
    void aCommit_isWhatLoadAndForEachCustomerReturn() {
        store.commit(commit(3, Map.of("C-1", snapshot("one"), "C-2", snapshot("两")), Set.of(),
                SampleActions.actions("C-1", 0, 3)));

        assertState(store.load(), 3, "evt-3", snapshot("engine@3"));
        assertThat(customersOf(store)).isEqualTo(readable(Map.of("C-1", snapshot("one"), "C-2", snapshot("两"))));
    }

    @Test
    void laterCommits_upsertChangedCustomers_andDeleteRemovedOnes() {
        store.commit(commit(2, Map.of("A", snapshot("a1"), "B", snapshot("b1"), "C", snapshot("c1")), Set.of(),
                List.of()));
        store.commit(commit(5, Map.of("A", snapshot("a2"), "D", snapshot("d1")), Set.of("C", "never-stored"),
                List.of()));

        assertState(store.load(), 5, "evt-5", snapshot("engine@5"));
        assertThat(customersOf(store)).isEqualTo(readable(Map.of("A", snapshot("a2"), "B", snapshot("b1"),
                "D", snapshot("d1"))));
    }

    @Test
    void customerIds_thatDifferOnlyInCase_areDifferentCustomers() {
        store.commit(commit(1, Map.of("l-1001", snapshot("lower"), "L-1001", snapshot("upper")), Set.of(),
                List.of()));

        assertThat(customersOf(store)).isEqualTo(readable(Map.of("l-1001", snapshot("lower"),
                "L-1001", snapshot("upper"))));
    }

    @Test
    void largeSnapshotsAndEngineState_comeBackByteForByte() {
        byte[] big = new byte[300_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31 + i / 256);
        }
        byte[] engine = Arrays.copyOf(big, 2_000_000);
        store.commit(new StoreCommit(1, null, Map.of("state", engine), Set.of(), Map.of("big", big), Set.of(),
                List.of()));

        assertState(store.load(), 1, null, engine);
        assertThat(customersOf(store)).isEqualTo(readable(Map.of("big", big)));
    }

    @Test
    void engineStateParts_roundTripByKey_areReplacedWhenGivenAgain_andDeletedWhenRemoved() {
        store.commit(new StoreCommit(1, "evt-1", Map.of("state", snapshot("s1"), "ids.events.0", snapshot("e0"),
                "ids.events.1", snapshot("e1"), "owners.orders.0", snapshot("o0")), Set.of(), Map.of(), Set.of(),
                List.of()));
        assertState(store.load(), 1, "evt-1", Map.of("state", snapshot("s1"), "ids.events.0", snapshot("e0"),
                "ids.events.1", snapshot("e1"), "owners.orders.0", snapshot("o0")));

        // only what changed: one part replaced, one new, one removed (and one that was never stored), the rest kept
        store.commit(new StoreCommit(2, "evt-2", Map.of("state", snapshot("s2"), "ids.events.2", snapshot("e2")),
                Set.of("ids.events.0", "never-stored"), Map.of(), Set.of(), List.of()));
        assertState(store.load(), 2, "evt-2", Map.of("state", snapshot("s2"), "ids.events.1", snapshot("e1"),
                "ids.events.2", snapshot("e2"), "owners.orders.0", snapshot("o0")));

        // a commit that changes no part keeps them all
        store.commit(new StoreCommit(3, "evt-3", Map.of(), Set.of(), Map.of(), Set.of(), List.of()));
        assertState(store.load(), 3, "evt-3", Map.of("state", snapshot("s2"), "ids.events.1", snapshot("e1"),
                "ids.events.2", snapshot("e2"), "owners.orders.0", snapshot("o0")));
    }

    @Test
    void aRefusedCommit_changesNoEngineStatePart() {
        store.commit(new StoreCommit(5, "evt-5", Map.of("state", snapshot("s5"), "ids.events.0", snapshot("e0")),
                Set.of(), Map.of(), Set.of(), List.of()));
        assertThatThrownBy(() -> store.commit(new StoreCommit(4, "evt-4", Map.of("state", snapshot("s4")),
                Set.of("ids.events.0"), Map.of(), Set.of(), List.of()))).isInstanceOf(ConnectorException.class);
        assertState(store.load(), 5, "evt-5", Map.of("state", snapshot("s5"), "ids.events.0", snapshot("e0")));
    }

    @Test
    void aCommitWithoutCustomersOrActions_stillMovesThePosition() {
        store.commit(commit(4, Map.of("A", snapshot("a")), Set.of(), List.of()));
        store.commit(commit(9, Map.of(), Set.of(), List.of()));

        assertState(store.load(), 9, "evt-9", snapshot("engine@9"));
        assertThat(customersOf(store)).containsOnlyKeys("A");
    }

    @Test
    void thePosition_neverMovesBack_aCommitBehindTheStoredOneIsRejectedAndChangesNothing() {
        store.commit(commit(10, Map.of("A", snapshot("a10")), Set.of(), List.of()));

        assertThatThrownBy(() -> store.commit(commit(7, Map.of("A", snapshot("a7")), Set.of("B"), List.of())))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("10").hasMessageContaining("7");

        assertState(store.load(), 10, "evt-10", snapshot("engine@10"));
        assertThat(customersOf(store)).isEqualTo(readable(Map.of("A", snapshot("a10"))));
        store.commit(commit(10, Map.of("A", snapshot("a10bis")), Set.of(), List.of())); // same position: allowed
        store.commit(commit(12, Map.of(), Set.of(), List.of()));
        assertThat(store.load().position()).isEqualTo(12);
        assertThat(customersOf(store)).isEqualTo(readable(Map.of("A", snapshot("a10bis"))));
    }

    @Test
    void forEachCustomer_streamsManyCustomers_eachOnce() {
        int n = manyCustomers();
        int batch = 1_000;
        for (int from = 0; from < n; from += batch) {
            Map<String, byte[]> customers = new HashMap<>();
            for (int i = from; i < Math.min(n, from + batch); i++) {
                customers.put("C-" + i, snapshot("customer " + i));
            }
            store.commit(commit(from + batch, customers, Set.of(), List.of()));
        }
        boolean[] seen = new boolean[n];
        int[] visits = {0};
        store.forEachCustomer((id, bytes) -> {
            int i = Integer.parseInt(id.substring(2));
            assertThat(seen[i]).as("customer %s was handed to the visitor twice", id).isFalse();
            seen[i] = true;
            assertThat(bytes).as("snapshot of %s", id).isEqualTo(snapshot("customer " + i));
            visits[0]++;
        });
        assertThat(visits[0]).isEqualTo(n);
    }

    @Test
    void aCommitThatFailsHalfWay_leavesNothingOfItBehind_andTheStoreGoesOn() {
        store.commit(commit(5, Map.of("A", snapshot("a5"), "B", snapshot("b5")), Set.of(),
                SampleActions.actions("A", 0, 2)));
        Assumptions.assumeTrue(failNextCommitMidway(store), () -> {
            String reason = getClass().getSimpleName() + " does not override failNextCommitMidway, so a commit that "
                    + "fails half-way cannot be simulated: atomicity is not checked.";
            System.out.println("SKIPPED: " + reason);
            return reason;
        });

        assertThatThrownBy(() -> store.commit(commit(8, Map.of("A", snapshot("a8"), "C", snapshot("c8")),
                Set.of("B"), SampleActions.actions("A", 2, 3)))).isInstanceOf(ConnectorException.class);

        assertState(store.load(), 5, "evt-5", snapshot("engine@5"));
        assertThat(customersOf(store)).isEqualTo(readable(Map.of("A", snapshot("a5"), "B", snapshot("b5"))));
        store.commit(commit(8, Map.of("A", snapshot("a8"), "C", snapshot("c8")), Set.of("B"),
                SampleActions.actions("A", 2, 3)));
        assertState(store.load(), 8, "evt-8", snapshot("engine@8"));
        assertThat(customersOf(store)).isEqualTo(readable(Map.of("A", snapshot("a8"), "C", snapshot("c8"))));
    }

    @Test
    void aReopenedStore_holdsWhatWasCommitted() {
        store.commit(commit(6, Map.of("A", snapshot("a6"), "B", snapshot("b6")), Set.of(), List.of()));
        store.commit(commit(7, Map.of(), Set.of("B"), List.of()));
        S again = reopen(store);
        if (again != null) {
            opened.remove(store); // reopen closed it
            track(again);
        }
        Assumptions.assumeTrue(again != null, () -> {
            String reason = getClass().getSimpleName() + " does not override reopen, so durability across a restart "
                    + "is not checked.";
            System.out.println("SKIPPED: " + reason);
            return reason;
        });

        assertState(again.load(), 7, "evt-7", snapshot("engine@7"));
        assertThat(customersOf(again)).isEqualTo(readable(Map.of("A", snapshot("a6"))));
        again.commit(commit(9, Map.of("B", snapshot("b9")), Set.of(), List.of()));
        assertThat(again.load().position()).isEqualTo(9);
    }
}
