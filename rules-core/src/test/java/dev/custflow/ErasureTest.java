package dev.custflow;

import static dev.custflow.testdata.Events.at;
import static dev.custflow.testdata.Events.erased;
import static dev.custflow.testdata.Events.order;
import static dev.custflow.testdata.Events.status;
import static dev.custflow.testdata.Events.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.action.Action;
import dev.custflow.event.Event;
import dev.custflow.event.LeadCaptured;
import dev.custflow.model.CustomerProfile;
import dev.custflow.model.OrderStatus;
import dev.custflow.model.TicketKind;
import dev.custflow.spi.CustomerStore;
import dev.custflow.spi.CustomerStores;
import dev.custflow.spi.StoredState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CustomerErased (docs/personal-data.md): given a person's events, an erasure leaves no trace of them in the engine,
 * in its store or in a restart from it; a later event for the id starts afresh.
 */
class ErasureTest {
    private static final String ID = "ERASE-ME-4711";
    private static final String PHONE = "139 1234 5678";

    private static LeadCaptured lead(String id, String eventId, String when) {
        return LeadCaptured.builder(eventId, at(when), id, "WEBSITE").name("王芳").phone(PHONE)
                .email("wang.fang@example.com").build();
    }

    /** A lead who bought and complained, with a duplicate capture merged into it. */
    private static List<Event> history() {
        return List.of(lead(ID, "e1", "2024-03-01"), order("SO-9", ID, "2024-03-05", 800),
                ticket("T-9", ID, TicketKind.COMPLAINT, "2024-03-06"), lead("DUP-4711", "e2", "2024-03-07"));
    }

    @Test
    void anErasedCustomer_isGoneFromTheEngine_andTheirPhoneMatchesNoLaterLead() {
        try (Engine e = Custflow.builder().build()) {
            e.acceptAll(history());
            assertThat(e.customer(ID)).isPresent();
            assertThat(e.auditTrail(ID)).isNotEmpty();

            BatchResult r = e.acceptAll(List.of(erased(ID, "2024-04-01")));

            assertThat(r.accepted()).isEqualTo(1);
            assertThat(r.actions()).as("what fell due before the erasure is decided; the erasure decides nothing")
                    .allMatch(a -> a.at().isBefore(at("2024-04-01")));
            assertThat(e.customer(ID)).isEmpty();
            assertThat(e.customerCount()).isZero();
            assertThat(e.auditTrail(ID)).isEmpty();
            List<Action> again = e.accept(lead("NEW-1", "e3", "2024-04-02"));
            assertThat(again).extracting(Action::type).doesNotContain("LEADS_MERGED");
            assertThat(e.customer("NEW-1")).isPresent();
        }
    }

    @Test
    void anIdMergedIntoTheErasedRecord_isForgottenToo_andALaterEventForEitherStartsAfresh() {
        try (Engine e = Custflow.builder().build()) {
            e.acceptAll(history());
            e.acceptAll(List.of(erased("DUP-4711", "2024-04-01"))); // the duplicate's id names the same person

            assertThat(e.customer(ID)).isEmpty();
            e.acceptAll(List.of(order("SO-10", "DUP-4711", "2024-04-02", 50), order("SO-11", ID, "2024-04-03", 70)));
            CustomerProfile dup = e.customer("DUP-4711").orElseThrow();
            assertThat(dup.orderCount()).as("a new profile, not the erased one").isEqualTo(1);
            assertThat(dup.phone()).isNull();
            CustomerProfile fresh = e.customer(ID).orElseThrow();
            assertThat(fresh.orderCount()).isEqualTo(1);
            assertThat(fresh.createdAt()).isEqualTo(at("2024-04-03"));
            assertThat(fresh.channelTouches()).isEmpty();
        }
    }

    @Test
    void aFollowUpForAnErasedCustomersOrder_isRefusedAsUnknown_ratherThanBringingThemBack() {
        try (Engine e = Custflow.builder().build()) {
            e.acceptAll(history());
            BatchResult r = e.acceptAll(List.of(erased(ID, "2024-04-01"),
                    status("SO-9", OrderStatus.DELIVERED, "2024-04-02")));
            assertThat(r.rejections()).singleElement()
                    .satisfies(x -> assertThat(x.problem()).startsWith("unknown order"));
            assertThat(e.customer(ID)).isEmpty();
        }
    }

    @Test
    void anErasureForAnUnknownId_changesNothing() {
        try (Engine e = Custflow.builder().build()) {
            e.acceptAll(history());
            BatchResult r = e.acceptAll(List.of(erased("NOBODY", "2024-04-01")));
            assertThat(r.accepted()).isEqualTo(1);
            assertThat(r.rejections()).isEmpty();
            assertThat(e.customer(ID)).isPresent();
        }
    }

    @Test
    void theStore_keepsNoTraceOfTheErasedCustomer_andARestartFromItKnowsNothingOfThem() {
        CustomerStore store = CustomerStores.inMemory();
        try (Engine e = Custflow.builder().store(store).build()) {
            e.acceptAll(history());
            assertThat(stored(store)).as("before the erasure").anyMatch(b -> contains(b, ID));
            e.acceptAll(List.of(erased(ID, "2024-04-01")));
        }
        List<byte[]> left = stored(store);
        assertThat(left).as("no snapshot or engine state part holds the id").noneMatch(b -> contains(b, ID))
                .noneMatch(b -> contains(b, "DUP-4711"));
        List<String> ids = new ArrayList<>();
        store.forEachCustomer((id, bytes) -> ids.add(id));
        assertThat(ids).isEmpty();

        try (Engine restarted = Custflow.builder().store(store).build()) {
            assertThat(restarted.customer(ID)).isEmpty();
            assertThat(restarted.customerCount()).isZero();
            List<Action> later = restarted.accept(lead("NEW-1", "e3", "2024-04-02"));
            assertThat(later).extracting(Action::type).as("the erased phone matches nobody").doesNotContain(
                    "LEADS_MERGED");
        }
    }

    private static List<byte[]> stored(CustomerStore store) {
        List<byte[]> all = new ArrayList<>();
        StoredState state = store.load();
        all.addAll(state.engineParts().values());
        store.forEachCustomer((id, bytes) -> all.add(bytes));
        return all;
    }

    private static boolean contains(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + n.length <= haystack.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
