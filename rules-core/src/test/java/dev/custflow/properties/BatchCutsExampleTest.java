package dev.custflow.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.Json;
import dev.custflow.event.Event;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A stream jqwik found (EngineProperties, a duplicated event), kept as an example: a lead that came back to its rep
 * (captured again) and was erased later in the same call. The erasure took the rep's load off before the partition
 * had told the desk the lead was back, so the release found nothing to take and the lead went on counting: the
 * rep's open leads, in the reason of a later reassignment, depended on where the host cut its batches.
 */
class BatchCutsExampleTest {

    private static List<Event> history() throws IOException {
        try (InputStream in = BatchCutsExampleTest.class.getResourceAsStream("erased-lead-back-with-its-rep.jsonl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(Json::readEvent).toList();
        }
    }

    @Test
    void anErasedLeadThatCameBackToItsRep_weighsOnNobody_whereverTheBatchesAreCut() throws IOException {
        List<Event> events = history();
        EngineProperties.Outcome whole = EngineProperties.run(events, 1, events.size());

        for (int batch : new int[] {1, 2, 7, 13}) {
            assertThat(EngineProperties.run(events, 1, batch)).as("batches of %d", batch).isEqualTo(whole);
        }
        assertThat(whole.actions()).filteredOn(a -> a.contains("\"type\":\"LEAD_REASSIGNED\"")
                        && a.contains("\"at\":\"2025-04-18T03:04:14.828Z\""))
                .singleElement().asString().contains("r1 is next in turn (0 of 2 open)");
    }
}
