package dev.custflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.custflow.event.Event;
import dev.custflow.event.OrderPlaced;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The limits of the JSON contract (docs/events.md, "Limits"): every hostile line is an {@link EventRejectedException}
 * that names the line and says what is wrong, never another exception, and never repeats a huge or personal value.
 */
class JsonLimitsTest {
    private static final String ORDER_HEAD = "{\"type\":\"OrderPlaced\",\"id\":\"e1\",\"at\":\"2025-03-01T09:30:00Z\","
            + "\"orderId\":\"SO-1\",\"customerId\":\"C1\",";

    private static EventRejectedException rejected(String json) {
        EventRejectedException e = catchThrowableOfType(EventRejectedException.class, () -> Json.readEvent(json, 7));
        assertThat(e).as("rejected: %s", json.length() > 200 ? json.substring(0, 200) : json).isNotNull();
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.getMessage()).startsWith("The event (line 7").hasSizeLessThan(600);
        return e;
    }

    @Test
    void nestingDeeperThanTheLimit_isRejected_notAStackOverflowOrANullPointer() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        assertThat(rejected(ORDER_HEAD + "\"amount\":1,\"x\":" + deep + "}").problem())
                .contains("larger than the contract allows");
        assertThat(rejected(deep).problem()).contains("larger than the contract allows");
    }

    @Test
    void numbersOutOfRange_areRejected_withTheField() {
        assertThat(rejected(ORDER_HEAD + "\"amount\":1e309}").field()).isEqualTo("amount");
        assertThat(rejected(ORDER_HEAD + "\"amount\":1e1000000000}").problem()).contains("below 1,000,000,000,000,000");
        assertThat(rejected(ORDER_HEAD + "\"amount\":-1e1000000000}").problem()).contains("below");
        assertThat(rejected(ORDER_HEAD + "\"amount\":1e-1000000000}").problem()).contains("at most 6 decimals");
        assertThat(rejected(ORDER_HEAD + "\"amount\":99999999999999999999999}").field()).isEqualTo("amount");
        assertThat(rejected("{\"type\":\"SurveyAnswered\",\"id\":\"e1\",\"at\":\"2025-03-01T09:30:00Z\","
                + "\"customerId\":\"C1\",\"nps\":99999999999999999999999}").problem()).contains("out of range");
        assertThat(rejected(ORDER_HEAD + "\"amount\":1" + "0".repeat(100) + "}").problem())
                .contains("larger than the contract allows");
    }

    @Test
    void timesOutsideTheSupportedRange_areRejected() {
        String tick = "{\"type\":\"ClockTick\",\"id\":\"t1\",\"at\":\"%s\"}";
        assertThat(rejected(tick.formatted("+1000000000-12-31T23:59:59Z")).problem()).contains("must lie between");
        assertThat(rejected(tick.formatted("-999999999-01-01T00:00:00Z")).field()).isEqualTo("at");
        assertThat(rejected(tick.formatted("1899-12-31T23:59:59Z")).field()).isEqualTo("at");
        assertThat(Json.readEvent(tick.formatted("1997-01-01T00:00:00Z"), 1).at()).hasToString("1997-01-01T00:00:00Z");
    }

    @Test
    void duplicateKeys_areRejected_neitherValueWins() {
        assertThat(rejected(ORDER_HEAD + "\"amount\":-5,\"amount\":100}").problem()).contains("Duplicate field 'amount'");
        assertThat(rejected("{\"type\":\"ClockTick\",\"type\":\"OrderPlaced\",\"id\":\"t1\",\"at\":\"2025-03-01T09:30:00Z\"}")
                .problem()).contains("Duplicate field 'type'");
    }

    @Test
    void idsLongerThanTheLimitOrWithControlCharacters_areRejected_beforeAnyStoreSeesThem() {
        String longId = "C".repeat(129);
        EventRejectedException tooLong = rejected(ORDER_HEAD.replace("\"C1\"", "\"" + longId + "\"") + "\"amount\":1}");
        assertThat(tooLong.field()).isEqualTo("customerId");
        assertThat(tooLong.getMessage()).doesNotContain(longId);
        assertThat(rejected(ORDER_HEAD.replace("\"C1\"", "\"C\\u00001\"") + "\"amount\":1}").getMessage())
                .contains("U+0000").doesNotContain("\u0000");
        assertThat(rejected(ORDER_HEAD.replace("\"e1\"", "\"e\\u001b[2J\"") + "\"amount\":1}").getMessage())
                .contains("\\u001B").doesNotContain("\u001b");
        String atLimit = "C".repeat(128);
        assertThat(((OrderPlaced) Json.readEvent(ORDER_HEAD.replace("\"C1\"", "\"" + atLimit + "\"") + "\"amount\":1}", 1)).customerId())
                .isEqualTo(atLimit);
    }

    @Test
    void aBooleanWhereATextGoes_isRejected_aNumberStillStandsForAnId() {
        assertThat(rejected(ORDER_HEAD.replace("\"e1\"", "true") + "\"amount\":1}").field()).isEqualTo("id");
        assertThat(rejected(ORDER_HEAD.replace("\"C1\"", "false") + "\"amount\":1}").field()).isEqualTo("customerId");
        assertThat(Json.readEvent(ORDER_HEAD.replace("\"e1\"", "17") + "\"amount\":1}", 1).id()).isEqualTo("17");
    }

    @Test
    void aRefusalOfAnEventReadWithoutALine_stillNamesTheEvent() {
        EventRejectedException e = catchThrowableOfType(EventRejectedException.class,
                () -> Json.readEvent(ORDER_HEAD.replace("\"C1\"", "\"C\\u00001\"") + "\"amount\":1}"));

        assertThat(e.getMessage()).startsWith("The event (OrderPlaced \"e1\") was rejected: field 'customerId'");
    }

    @Test
    void personalTextWithControlCharactersOrTooLong_isRejected_withoutRepeatingIt() {
        String lead = "{\"type\":\"LeadCaptured\",\"id\":\"e1\",\"at\":\"2025-03-01T09:30:00Z\",\"leadId\":\"L1\","
                + "\"channel\":\"WEB\",\"name\":\"%s\"}";
        EventRejectedException control = rejected(lead.formatted("王\\u0007芳"));
        assertThat(control.field()).isEqualTo("name");
        assertThat(control.getMessage()).contains("value not shown").doesNotContain("芳");
        EventRejectedException huge = rejected(lead.formatted("x".repeat(10_001)));
        assertThat(huge.problem()).contains("at most 10000 characters");
        EventRejectedException birthday = rejected("{\"type\":\"LeadCaptured\",\"id\":\"e1\",\"at\":\"2025-03-01T09:30:00Z\","
                + "\"leadId\":\"L1\",\"channel\":\"WEB\",\"birthday\":\"0001-02-03\"}");
        assertThat(birthday.getMessage()).contains("birthday").doesNotContain("0001-02-03");
        EventRejectedException malformed = rejected("{\"type\":\"LeadCaptured\",\"id\":\"e1\",\"at\":\"2025-03-01T09:30:00Z\","
                + "\"leadId\":\"L1\",\"channel\":\"WEB\",\"birthday\":\"1990-13-45\"}");
        assertThat(malformed.getMessage()).contains("birthday").contains("value not shown").doesNotContain("1990-13-45");
        EventRejectedException phone = rejected("{\"type\":\"ProfileUpdated\",\"id\":\"e1\",\"at\":\"2025-03-01T09:30:00Z\","
                + "\"customerId\":\"C1\",\"phone\":[\"13800138000\"]}");
        assertThat(phone.getMessage()).contains("phone").doesNotContain("13800138000");
    }

    @Test
    void tabsAndLineBreaksInText_areAccepted() {
        Event e = Json.readEvent("{\"type\":\"LeadCaptured\",\"id\":\"e1\",\"at\":\"2025-03-01T09:30:00Z\","
                + "\"leadId\":\"L1\",\"channel\":\"WEB\",\"company\":\"A\\tB\\nC\"}", 1);
        assertThat(e.id()).isEqualTo("e1");
    }

    @Test
    void theSameLimits_holdForEventsBuiltInJava() {
        EventRejectedException big = catchThrowableOfType(EventRejectedException.class,
                () -> OrderPlaced.of("e1", java.time.Instant.parse("2025-03-01T09:30:00Z"), "SO-1", "C1",
                        new BigDecimal("1e1000000000")));
        assertThat(big.getMessage()).hasSizeLessThan(300);
        EventRejectedException nul = catchThrowableOfType(EventRejectedException.class,
                () -> OrderPlaced.of("e1", java.time.Instant.parse("2025-03-01T09:30:00Z"), "SO-1", "C\u00001",
                        BigDecimal.ONE));
        assertThat(nul.field()).isEqualTo("customerId");
    }
}
