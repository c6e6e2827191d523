package dev.custflow.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.EventRejectedException;
import dev.custflow.event.ClockTick;
import dev.custflow.event.Event;
import dev.custflow.event.InteractionLogged;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.OrderLine;
import dev.custflow.event.OrderPlaced;
import dev.custflow.event.SurveyAnswered;
import dev.custflow.event.TicketOpened;
import dev.custflow.event.TicketResolved;
import dev.custflow.model.InteractionKind;
import dev.custflow.model.TicketKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plainest spelling of the bound events is read from the characters, as the parser's binding reads it; every
 * other spelling, valid or not, is declined for the parser to read or refuse.
 */
class FlatLineReaderTest {
    private static final Instant AT = Instant.parse("2024-01-02T04:03:00Z");
    private static final String CALL = "{\"type\":\"InteractionLogged\",\"id\":\"e1\",\"at\":\"2024-01-02T04:03:00Z\","
            + "\"customerId\":\"C1\",\"kind\":\"CALL\",\"repId\":\"R1\"%s}";
    private static final String ORDER = "{\"type\":\"OrderPlaced\",\"id\":\"e1\",\"at\":\"2024-01-02T04:03:00Z\","
            + "\"orderId\":\"SO-1\",\"customerId\":\"C1\",\"amount\":%s%s}";

    private static Event read(String json) {
        String type = StreamingEventReader.typeAtOpening(json);
        return FlatLineReader.readOrNull(json, FlatEventBinder.binding(type));
    }

    @Test
    void whatTheEngineWrites_forEveryBoundType_isReadWithoutAParser() {
        List<Event> events = List.of(
                InteractionLogged.of("e1", AT, "C1", InteractionKind.PAGE_VIEW, "R7"),
                new InteractionLogged("e2", AT, "C1", InteractionKind.CALL, "R1", 2, 60, "回电"),
                new SurveyAnswered("e3", AT, "C1", 9, null, null),
                new TicketOpened("e4", AT, "T1", "C1", TicketKind.COMPLAINT, null),
                new TicketResolved("e5", AT, "T1", true, "C1"),
                new ClockTick("e6", AT),
                OrderPlaced.of("e7", AT, "O7", "C1", new BigDecimal("1234")),
                new OrderPlaced("e8", AT, "O8", "C1", new BigDecimal("199.90"), "CNY",
                        List.of(new OrderLine("A", 2, new BigDecimal("99.95")), new OrderLine("B", null, null)),
                        LocalDate.of(2024, 1, 9)),
                LeadCaptured.builder("e9", AT, "L9", "WECHAT").phone("13800000001").name("王芳").build());

        for (Event e : events) {
            assertThat(read(JsonCodec.write(e))).as(e.type()).isEqualTo(e);
        }
    }

    @Test
    void spacesBetweenTokens_andAnyOrderOfTheOtherFields_areRead() {
        String json = "  { \"type\" : \"TicketResolved\" ,\n\t\"firstContact\" : false , \"ticketId\":\"T1\","
                + " \"at\" : \"2024-01-02T04:03:00Z\" , \"id\" : \"e2\" }\r\n";

        assertThat(read(json)).isEqualTo(new TicketResolved("e2", AT, "T1", false, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "7", "2147483647", "-2147483648", "-3"})
    void anIntInItsShortestSpelling_isRead_asTheParserReadsIt(String n) {
        String json = CALL.formatted(",\"count\":" + n);

        assertThat(outcome(() -> read(json))).isEqualTo(outcome(() -> FlatEventBinder.readByParserOrNull(json,
                FlatEventBinder.binding("InteractionLogged"))));
        assertThat(read(CALL.formatted(",\"durationSeconds\":60,\"count\":7")))
                .isEqualTo(new InteractionLogged("e1", AT, "C1", InteractionKind.CALL, "R1", 7, 60, null));
    }

    /** A read that may throw. */
    interface Read {
        Event get() throws Exception;
    }

    /** @return the event, null when declined, or the failure's class and message */
    static Object outcome(Read read) {
        try {
            return read.get();
        } catch (Exception e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {",\"count\":-0", ",\"count\":01", ",\"count\":2147483648", ",\"count\":-2147483649",
            ",\"count\":2.0", ",\"count\":2e1", ",\"count\":2x", ",\"count\":\"2\"", ",\"note\":null",
            ",\"note\":\"a\\\"b\"", ",\"note\":\"a\\nb\"", ",\"note\":\"a\u0001b\"", ",\"note\":\"a\u0085b\"",
            ",\"note\":\"a\tb\"", ",\"repId\":\"R2\"", ",\"extra\":1", ",\"source\":{\"erp\":1}", ",", ",,",
            ",\"note\" \"x\"", ",\"no\\u0074e\":\"x\"", ",\"kind2\":\"CALL\""})
    void anotherSpelling_aDuplicate_oranUnknownField_isDeclined(String tail) {
        assertThat(read(CALL.formatted(tail))).isNull();
    }

    @Test
    void aTextLongerThanTheContractAllows_isDeclined_forTheParserToRefuse() {
        assertThat(read(CALL.formatted(",\"note\":\"" + "x".repeat(JsonCodec.MAX_TEXT_LENGTH) + "\"")))
                .isNotNull();
        assertThat(read(CALL.formatted(",\"note\":\"" + "x".repeat(JsonCodec.MAX_TEXT_LENGTH + 1) + "\"")))
                .isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {" x", "}", "{}", "\n,"})
    void anythingAfterTheObject_isDeclined(String after) {
        assertThat(FlatLineReader.readOrNull(CALL.formatted("") + after, FlatEventBinder.binding("InteractionLogged")))
                .isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e3", "-5", "-0", "012", "1.", ".5", "0.1234567", "1.5e1", "\"10\"", "null", "true"})
    void anAmountInAnotherSpelling_isDeclined(String amount) {
        assertThat(read(ORDER.formatted(amount, ""))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "10", "199.90", "0.000001", "12.500000", "100.0"})
    void anAmount_hasTheParsersValueAndScale(String amount) {
        OrderPlaced o = (OrderPlaced) read(ORDER.formatted(amount, ""));

        assertThat(o.amount()).isEqualTo(new BigDecimal(amount));
        assertThat(o.amount().scale()).isEqualTo(new BigDecimal(amount).scale());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[null]", "[[]]", "[{\"sku\":\"A\"},]", "[{\"sku\":\"A\"}", "[{\"sku\":\"A\",\"x\":1}]",
            "[{\"sku\":\"A\",\"sku\":\"B\"}]", "{}"})
    void orderLinesInAnotherShape_areDeclined(String lines) {
        assertThat(read(ORDER.formatted("10", ",\"lines\":" + lines))).isNull();
    }

    @Test
    void theTypeMustBeTheFirstField_andTheSameType() {
        String moved = "{\"id\":\"e6\",\"type\":\"ClockTick\",\"at\":\"2024-01-02T04:03:00Z\"}";
        String tick = "{\"type\":\"ClockTick\",\"id\":\"e6\",\"at\":\"2024-01-02T04:03:00Z\"}";

        assertThat(FlatLineReader.readOrNull(moved, FlatEventBinder.binding("ClockTick"))).isNull();
        assertThat(FlatLineReader.readOrNull(tick, FlatEventBinder.binding("InteractionLogged"))).isNull();
        assertThat(read(tick.replace("}", ",\"type\":\"ClockTick\"}"))).isNull();
    }

    @Test
    void theRecordsRefusal_isThrown_asThroughTheParser() {
        String blank = CALL.formatted("").replace("\"C1\"", "\" \"");

        assertThatThrownBy(() -> read(blank)).isInstanceOf(EventRejectedException.class);
        assertThatThrownBy(() -> FlatEventBinder.readByParserOrNull(blank,
                FlatEventBinder.binding("InteractionLogged")))
                .isInstanceOf(EventRejectedException.class);
    }

    @Test
    void aLineLongerThanItsLimit_goesToTheParser() {
        String json = CALL.formatted(",\"note\":\"" + "x".repeat(5_000) + "\"");
        String longer = json.replace("{", "{" + " ".repeat(FlatLineReader.MAX_LINE));

        assertThat(read(json)).isNotNull();
        assertThat(read(longer)).isNull();
    }
}
