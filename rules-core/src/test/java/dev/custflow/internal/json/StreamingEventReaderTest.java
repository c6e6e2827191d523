package dev.custflow.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.event.ClockTick;
import dev.custflow.event.Event;
import dev.custflow.event.OrderPlaced;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one-pass reader takes a well-formed event and leaves everything else to the tree path, which alone writes
 * refusals; a line it leaves is not refused for that.
 */
class StreamingEventReaderTest {
    private static final String TICK = "{\"type\":\"ClockTick\",\"id\":\"t1\",\"at\":\"2025-03-01T09:30:00Z\"%s}";
    private static final String ORDER = "{\"type\":\"OrderPlaced\",\"id\":%s,\"at\":\"2025-03-01T09:30:00Z\","
            + "\"orderId\":\"SO-1\",\"customerId\":\"C1\",\"amount\":%s}";

    @Test
    void aWellFormedEvent_isReadInOnePass_asTheTreeReadsIt() {
        String json = ORDER.formatted("\"e1\"", "199.90").replace("}", ",\"lines\":[{\"sku\":\"A\",\"quantity\":2,"
                + "\"amount\":199.90}],\"promisedDate\":\"2025-03-08\"}");

        Event e = StreamingEventReader.readOrNull(json);

        assertThat(e).isInstanceOf(OrderPlaced.class).isEqualTo(JsonCodec.readByTree(json, 1));
        assertThat(((OrderPlaced) e).amount()).isEqualTo(new BigDecimal("199.90"));
    }

    @Test
    void unknownFields_areReadInOnePass_andIgnored() {
        String json = "{\"type\":\"ClockTick\",\"id\":\"t1\",\"source\":{\"erp\":[1,2.5,\"x\",{}]},"
                + "\"at\":\"2025-03-01T09:30:00Z\"}";

        assertThat(StreamingEventReader.readOrNull(json)).isInstanceOf(ClockTick.class)
                .isEqualTo(JsonCodec.readByTree(json, 1));
    }

    @Test
    void theTypeAfterTheOtherFields_isLeftToTheTree_andReadTheSame() {
        String json = "{\"id\":\"t1\",\"at\":\"2025-03-01T09:30:00Z\",\"type\":\"ClockTick\"}";

        assertThat(StreamingEventReader.readOrNull(json)).isNull();
        assertThat(JsonCodec.readEvent(json, 1)).isInstanceOf(ClockTick.class).isEqualTo(JsonCodec.readByTree(json, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\":\"ClockTick\"}",
            " { \"type\" :\t\"OrderPlaced\" , \"id\":1 }\r\n",
    })
    void aLineOpeningWithAKnownType_isTried(String json) {
        assertThat(StreamingEventReader.startsWithAKnownType(json)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "[]", "null", "{\"type\":\"Nope\",\"id\":\"1\"}", "{\"id\":\"1\"}",
            "{\"type\":\"ClockTick\",\"id\":\"t1\"", "{\"type\":\"ClockTick\"} x", "{\"type\":5}",
            "{\"type\":\"ClockTick", "{\"type\":\"Clock\\u0054ick\"}", "{\"type\"}"})
    void aLineThatShowsItIsNoEventOrOpensOtherwise_goesStraightToTheTree(String json) {
        assertThat(StreamingEventReader.startsWithAKnownType(json)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            ",\"note\":\"a\\u0000b\"",                    // a control character in a field the event ignores
            ",\"x\":{\"y\":[\"ok\",\"\\u001b[2J\"]}",     // and deep inside one: skipped values are checked too
            ",\"x\":\"\\u007f\"",                          // DEL is a control character as well
    })
    void aControlCharacterInAnyText_isLeftToTheTree_whichRefusesIt(String extra) {
        String json = TICK.formatted(extra);

        assertThat(StreamingEventReader.readOrNull(json)).isNull();
        assertThat(refusal(json)).contains("control characters");
    }

    @Test
    void textUpToTheLimit_isReadInOnePass_longerIsLeftToTheTree() {
        String atLimit = TICK.formatted(",\"note\":\"" + "x".repeat(JsonCodec.MAX_TEXT_LENGTH) + "\"");
        String over = TICK.formatted(",\"note\":\"" + "x".repeat(JsonCodec.MAX_TEXT_LENGTH + 1) + "\"");

        assertThat(StreamingEventReader.readOrNull(atLimit)).isNotNull();
        assertThat(StreamingEventReader.readOrNull(over)).isNull();
        assertThat(refusal(over)).contains("at most 10000 characters");
    }

    @Test
    void tabsAndLineBreaks_areText() {
        assertThat(StreamingEventReader.readOrNull(TICK.formatted(",\"note\":\"a\\tb\\r\\nc\""))).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0", "1e2", "1.0e-7", "0.00000010", "-0.0"})
    void aNumberTheTreeWouldSpellDifferently_isLeftToTheTree_andReadTheSame(String id) {
        String json = ORDER.formatted(id, "1");

        assertThat(StreamingEventReader.readOrNull(json)).isNull();
        assertThat(JsonCodec.readEvent(json, 1).id()).isEqualTo(JsonCodec.readByTree(json, 1).id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"17", "-5", "12.50", "0.05", "-0.5", "0.123456", "1E+2"})
    void aNumberSpelledAsTheTreeSpellsIt_isReadInOnePass(String id) {
        String json = ORDER.formatted(id, "1");

        assertThat(StreamingEventReader.readOrNull(json)).isNotNull().isEqualTo(JsonCodec.readByTree(json, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "null",
            "[]",
            "{\"type\":\"ClockTick\",\"id\":\"t1\",\"at\":\"2025-03-01T09:30:00Z\"} {}",
            "{\"type\":\"ClockTick\",\"id\":\"t1\",\"at\":\"2025-03-01T09:30:00Z\"",
            "{\"id\":\"t1\",\"at\":\"2025-03-01T09:30:00Z\"}",
            "{\"type\":\"Clocktick\",\"id\":\"t1\",\"at\":\"2025-03-01T09:30:00Z\"}",
            "{\"type\":\"ClockTick\",\"type\":\"ClockTick\",\"id\":\"t1\",\"at\":\"2025-03-01T09:30:00Z\"}",
            "{\"type\":\"ClockTick\",\"id\":\"t1\",\"at\":1740821400}",
            "{\"type\":\"OrderPlaced\",\"id\":\"e1\",\"at\":\"2025-03-01T09:30:00Z\",\"orderId\":\"SO-1\","
                    + "\"customerId\":\"C1\",\"amount\":-5}",
    })
    void whatTheContractRefuses_isLeftToTheTree(String json) {
        assertThat(StreamingEventReader.readOrNull(json)).isNull();
        assertThat(refusal(json)).isNotEmpty();
    }

    private static String refusal(String json) {
        try {
            JsonCodec.readEvent(json, 1);
            return "";
        } catch (dev.custflow.EventRejectedException e) {
            assertThat(e.getMessage()).isEqualTo(refusalByTree(json));
            return e.getMessage();
        }
    }

    private static String refusalByTree(String json) {
        try {
            JsonCodec.readByTree(json, 1);
            return "";
        } catch (dev.custflow.EventRejectedException e) {
            return e.getMessage();
        }
    }
}
