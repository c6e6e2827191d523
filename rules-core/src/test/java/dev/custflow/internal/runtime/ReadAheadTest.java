package dev.custflow.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.event.ClockTick;
import dev.custflow.event.Event;
import dev.custflow.event.InteractionLogged;
import dev.custflow.internal.packs.Router;
import dev.custflow.internal.profile.CustomerRecord;
import dev.custflow.model.InteractionKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading ahead of a call only reads: the tables and the event-id window are as before, and it sees the customers. */
class ReadAheadTest {
    private static final Instant T = Instant.parse("2024-03-01T00:00:00Z");

    private static List<Input> calls(int n) {
        List<Input> inputs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Event e = i % 10 == 9 ? new ClockTick("t" + i, T)
                    : InteractionLogged.of("e" + i, T, "c-" + i % 4, InteractionKind.CALL, "R1");
            inputs.add(new Input(i + 1, e, null));
        }
        inputs.add(new Input(n + 1, null, null)); // a line that was not an event
        return inputs;
    }

    @Test
    void theCustomersOfACall_areReadInTheirTables_andCountedWhenReferred() {
        CustomerTable[] tables = {new CustomerTable(), new CustomerTable()};
        CustomerRecord referredOne = null;
        for (int c = 0; c < 4; c++) {
            CustomerRecord r = new CustomerRecord("c-" + c, T);
            if (c == 1) {
                r.referrerId("c-0");
                referredOne = r;
            }
            tables[Step.partitionOf(r.getId(), 2)].put(r);
        }
        assertThat(tables[Step.partitionOf("c-1", 2)].atHome("c-1".hashCode())).isSameAs(referredOne);
        List<Input> inputs = calls(20);

        int referred = ReadAhead.customers(inputs, tables, new Router(100, 100));

        // c-1 is the customer of events 1, 5, 13 and 17 (9 is a tick)
        assertThat(referred).isEqualTo(4);
        assertThat(tables[0].size() + tables[1].size()).isEqualTo(4);
    }

    @Test
    void readingAhead_remembersNoEventId() {
        Router router = new Router(100, 100);
        List<Input> inputs = calls(20);

        ReadAhead.customers(inputs, new CustomerTable[]{new CustomerTable()}, router);

        for (Input in : inputs) {
            if (in.event() != null) {
                assertThat(router.isDuplicate(in.event())).isFalse();
            }
        }
    }
}
