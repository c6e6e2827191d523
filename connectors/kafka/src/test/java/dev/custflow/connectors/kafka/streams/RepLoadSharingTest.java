package dev.custflow.connectors.kafka.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.Json;
import dev.custflow.RulePack;
import dev.custflow.action.LeadAssigned;
import dev.custflow.event.ClockTick;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.RepUpdated;
import dev.custflow.settings.Settings;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.Test;

/**
 * Rep load shared through the rep-load topic and the global store. A TopologyTestDriver runs one task (0_0); the
 * other task (0_1) is played by records on the rep-load topic keyed as that task writes them.
 */
class RepLoadSharingTest {
    private static final Settings LEAST_LOADED = Settings.builder().merge("""
            {"assignment": {"routes": [{"name": "everyone", "strategy": "LEAST_LOADED"}]}}""").build();
    private static final Instant T = Instant.parse("2025-03-03T01:00:00Z");

    @Test
    void eachTask_publishesItsCounts_andCountsWhatTheOtherTasksHold() {
        CustflowTopology topology = CustflowTopology.builder()
                .engine(b -> b.packs(RulePack.LIFECYCLE, RulePack.ASSIGNMENT).settings(LEAST_LOADED))
                .repLoadTopic("custflow.rep-load")
                .build();
        try (TopologyHarness task = new TopologyHarness(topology)) {
            TestInputTopic<String, String> loadIn = task.driver.createInputTopic("custflow.rep-load",
                    new StringSerializer(), new StringSerializer());
            TestOutputTopic<String, String> loadOut = task.driver.createOutputTopic("custflow.rep-load",
                    new StringDeserializer(), new StringDeserializer());
            task.pipe(List.of(rep("ann"), rep("bob")));

            // task 0_1 holds one of ann's leads: this task gives its lead to bob, the least loaded everywhere
            loadIn.pipeInput("ann/0_1", "1");
            task.pipe(List.of(lead("L1", 60)));
            LeadAssigned first = assigned(task.actionsJson());
            assertThat(first.repId()).isEqualTo("bob");
            assertThat(first.reason()).contains("ann (1 of 2 open)");
            List<KeyValue<String, String>> published = loadOut.readKeyValuesToList();
            assertThat(published).containsExactly(KeyValue.pair("bob/0_0", "1"));

            // the global store also holds this task's own count (every instance reads the whole topic): it is not
            // counted twice. ann is full in task 0_1, bob has 1 of 2 here: the next lead goes to bob
            published.forEach(kv -> loadIn.pipeInput(kv.key, kv.value));
            loadIn.pipeInput("ann/0_1", "2");
            task.pipe(List.of(lead("L2", 120)));
            assertThat(assigned(task.actionsJson()).repId()).isEqualTo("bob");
            assertThat(loadOut.readKeyValuesToList()).containsExactly(KeyValue.pair("bob/0_0", "2"));

            // everyone full: the next lead waits; task 0_1 releases ann's leads (a tombstone) and the waiting lead
            // is offered to ann at this task's next event
            task.pipe(List.of(lead("L3", 180)));
            assertThat(task.actionsJson()).noneMatch(json -> json.contains("LEAD_ASSIGNED"));
            loadIn.pipeInput("ann/0_1", (String) null);
            task.pipe(List.of(new ClockTick("tick-1", T.plusSeconds(200))));
            LeadAssigned third = assigned(task.actionsJson());
            assertThat(third.customerId()).isEqualTo("L3");
            assertThat(third.repId()).isEqualTo("ann");
            assertThat(loadOut.readKeyValuesToList()).containsExactly(KeyValue.pair("ann/0_0", "1"));
        }
    }

    private static RepUpdated rep(String id) {
        return new RepUpdated("rep:" + id, T, id, "Rep " + id, "SALES", null, List.of(), false, 2, true);
    }

    private static LeadCaptured lead(String id, int seconds) {
        return LeadCaptured.builder("lead:" + id, T.plusSeconds(seconds), id, "WECHAT").build();
    }

    private static LeadAssigned assigned(List<String> actionsJson) {
        List<LeadAssigned> out = actionsJson.stream().map(Json::readAction).filter(LeadAssigned.class::isInstance)
                .map(LeadAssigned.class::cast).toList();
        assertThat(out).hasSize(1);
        return out.get(0);
    }
}
