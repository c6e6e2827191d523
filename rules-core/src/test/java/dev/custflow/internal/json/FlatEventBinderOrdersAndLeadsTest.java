package dev.custflow.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.EventRejectedException;
import dev.custflow.event.Event;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.OrderLine;
import dev.custflow.event.OrderPlaced;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Orders and leads bound by hand: the same event as the mapper's pass and the tree, an amount with the mapper's
 * scale, order lines only when each is a plain object, and every other spelling left to the mapper, which then
 * reads or refuses the line as before.
 */
class FlatEventBinderOrdersAndLeadsTest {
    private static final Instant AT = Instant.parse("2024-01-02T04:03:00Z");
    private static final String ORDER = "{\"type\":\"OrderPlaced\",\"id\":\"e1\",\"at\":\"2024-01-02T04:03:00Z\","
            + "\"orderId\":\"SO-1\",\"customerId\":\"C1\",\"amount\":%s%s}";
    private static final String LEAD = "{\"type\":\"LeadCaptured\",\"id\":\"e2\",\"at\":\"2024-01-02T04:03:00Z\","
            + "\"leadId\":\"L1\",\"channel\":\"WECHAT\"%s}";

    @Test
    void anOrderWithLinesAndADate_isBoundToTheRecord_asTheMapperAndTheTreeReadIt() throws IOException {
        String json = ORDER.formatted("199.90", ",\"currency\":\"CNY\",\"lines\":[{\"sku\":\"A\",\"quantity\":2,"
                + "\"amount\":99.95},{\"sku\":\"B\"}],\"promisedDate\":\"2024-01-09\"");

        Event e = FlatEventBinder.readOrNull(json, "OrderPlaced");

        assertThat(e).isEqualTo(new OrderPlaced("e1", AT, "SO-1", "C1", new BigDecimal("199.90"), "CNY",
                List.of(new OrderLine("A", 2, new BigDecimal("99.95")), new OrderLine("B", null, null)),
                LocalDate.of(2024, 1, 9)));
        assertThat(e).isEqualTo(StreamingEventReader.readByMapperOrNull(json)).isEqualTo(JsonCodec.readByTree(json, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1234", "199.90", "0.05", "12.500000", "0.000001", "100.0", "999999999999999"})
    void anAmount_isTheMappersBigDecimal_withTheSameScale(String amount) throws IOException {
        String json = ORDER.formatted(amount, ",\"lines\":[{\"sku\":\"A\",\"amount\":" + amount + "}]");

        OrderPlaced bound = (OrderPlaced) FlatEventBinder.readOrNull(json, "OrderPlaced");
        OrderPlaced mapped = (OrderPlaced) StreamingEventReader.readByMapperOrNull(json);

        assertThat(bound.amount()).isEqualTo(mapped.amount()).isEqualTo(new BigDecimal(amount));
        assertThat(bound.amount().scale()).isEqualTo(mapped.amount().scale());
        assertThat(bound.lines().get(0).amount().scale()).isEqualTo(mapped.lines().get(0).amount().scale());
    }

    @Test
    void whatTheEngineWrites_forW1sOrdersAndLeads_isBoundBackToTheSameEvent() throws IOException {
        OrderPlaced order = OrderPlaced.of("e5", AT, "O5", "C1", BigDecimal.valueOf(1234, 0));
        LeadCaptured lead = LeadCaptured.builder("e6", AT, "C1", "BAIDU_ADS").phone("13800000001").build();

        assertThat(FlatEventBinder.readOrNull(JsonCodec.write(order), "OrderPlaced")).isEqualTo(order);
        assertThat(FlatEventBinder.readOrNull(JsonCodec.write(lead), "LeadCaptured")).isEqualTo(lead);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e3", "1E+3", "12.5e1", "-5", "-0", "-0.0", "0.0000001", "0.1234567", "\"100\"", "null",
            "{}", "[]", "true"})
    void anAmountInAnotherSpelling_isLeftToTheMapper_whichReadsOrRefusesItAsBefore(String amount) throws IOException {
        String json = ORDER.formatted(amount, "");

        assertThat(FlatEventBinder.readOrNull(json, "OrderPlaced")).isNull();
        assertThat(outcome(json)).isEqualTo(treeOutcome(json));
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "{}", "[null]", "[[\"A\"]]", "[{\"sku\":\"A\",\"extra\":1}]", "[{\"sku\":17}]",
            "[{\"sku\":\"A\",\"quantity\":1.0}]", "[{\"sku\":\"A\",\"amount\":1e2}]",
            "[{\"sku\":\"A\",\"amount\":null}]", "[{\"sku\":\"A\",\"quantity\":\"2\"}]"})
    void orderLinesItCannotBindExactly_leaveTheWholeLineToTheMapper(String lines) throws IOException {
        String json = ORDER.formatted("10", ",\"lines\":" + lines);

        assertThat(FlatEventBinder.readOrNull(json, "OrderPlaced")).isNull();
        assertThat(outcome(json)).isEqualTo(treeOutcome(json));
    }

    @ParameterizedTest
    @ValueSource(strings = {",\"lines\":[{\"quantity\":1}]", ",\"lines\":[{\"sku\":\"A\",\"quantity\":0}]",
            ",\"lines\":[{\"sku\":\"A\",\"amount\":1000000000000000}]", ",\"promisedDate\":\"1899-12-31\""})
    void aLineOrOrderTheRecordRefuses_isThrown_andRefusedWithTheTreesMessage(String tail) {
        String json = ORDER.formatted("10", tail);

        assertThatThrownBy(() -> FlatEventBinder.readOrNull(json, "OrderPlaced"))
                .isInstanceOf(EventRejectedException.class);
        assertThat(StreamingEventReader.readByMapperOrNull(json)).isNull();
        assertThat(outcome(json)).isEqualTo(treeOutcome(json)).asString().startsWith("refused | 3 | OrderPlaced");
    }

    @Test
    void aNegativeAmount_isRefusedAsBefore_withTheRefundHint() {
        String json = ORDER.formatted("-50", "");

        assertThat(outcome(json)).isEqualTo(treeOutcome(json)).asString().contains("amounts must not be negative");
    }

    @Test
    void aFlatLeadWithEveryProfileField_isBound_asTheMapperAndTheTreeReadIt() throws IOException {
        String json = LEAD.formatted(",\"name\":\"王芳\",\"company\":\"精工\",\"phone\":\"+86 138-0013-8000\","
                + "\"email\":\"a@b.cn\",\"region\":\"华东\",\"city\":\"上海\",\"industry\":\"制造业\",\"companySize\":120,"
                + "\"title\":\"经理\",\"birthday\":\"1990-02-28\",\"doNotEmail\":true,\"doNotCall\":false,"
                + "\"referralCode\":\"R-7\",\"timeZone\":\"Asia/Shanghai\"");

        Event e = FlatEventBinder.readOrNull(json, "LeadCaptured");

        assertThat(e).isEqualTo(LeadCaptured.builder("e2", AT, "L1", "WECHAT").name("王芳").company("精工")
                .phone("+86 138-0013-8000").email("a@b.cn").region("华东").city("上海").industry("制造业")
                .companySize(120).title("经理").birthday(LocalDate.of(1990, 2, 28)).doNotEmail(true).doNotCall(false)
                .referralCode("R-7").timeZone("Asia/Shanghai").build());
        assertThat(e).isEqualTo(StreamingEventReader.readByMapperOrNull(json)).isEqualTo(JsonCodec.readByTree(json, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {",\"attributes\":{}", ",\"attributes\":{\"score\":12.50}", ",\"phone\":13800000001",
            ",\"companySize\":\"120\"", ",\"birthday\":\"1990-2-28\"", ",\"doNotEmail\":\"true\"", ",\"name\":null"})
    void aLeadWithAttributesOrAnotherSpelling_isLeftToTheMapper(String tail) throws IOException {
        String json = LEAD.formatted(tail);

        assertThat(FlatEventBinder.readOrNull(json, "LeadCaptured")).isNull();
        assertThat(outcome(json)).isEqualTo(treeOutcome(json));
    }

    @Test
    void aLeadsRefusal_keepsItsBirthdayOutOfTheMessage_asTheTreeDoes() {
        String json = LEAD.formatted(",\"birthday\":\"1899-12-31\"");

        assertThatThrownBy(() -> FlatEventBinder.readOrNull(json, "LeadCaptured"))
                .isInstanceOf(EventRejectedException.class);
        assertThat(outcome(json)).isEqualTo(treeOutcome(json)).asString().doesNotContain("1899");
    }

    /** What {@link JsonCodec#readEvent} makes of a line: the event, or the refusal's fields and message. */
    private static Object outcome(String json) {
        try {
            return JsonCodec.readEvent(json, 3);
        } catch (EventRejectedException e) {
            return refusal(e);
        }
    }

    private static Object treeOutcome(String json) {
        try {
            return JsonCodec.readByTree(json, 3);
        } catch (EventRejectedException e) {
            return refusal(e);
        }
    }

    private static String refusal(EventRejectedException e) {
        return String.join(" | ", "refused", String.valueOf(e.line()), e.eventType(), e.eventId(), e.field(),
                e.value(), e.problem(), e.getMessage());
    }
}
