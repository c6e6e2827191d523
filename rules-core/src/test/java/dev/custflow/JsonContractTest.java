package dev.custflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.action.Action;
import dev.custflow.model.Channel;
import dev.custflow.action.MessageRequested;
import dev.custflow.action.StageChanged;
import dev.custflow.action.Template;
import dev.custflow.event.Event;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.OrderPlaced;
import dev.custflow.event.OrderStatusChanged;
import dev.custflow.model.Stage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The JSON contract of docs/events.md: every event type reads and writes; bad input names line, field and value. */
class JsonContractTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\":\"LeadCaptured\",\"id\":\"e1\",\"at\":\"2024-03-01T09:30:00Z\",\"leadId\":\"L1\",\"channel\":\"WECHAT\",\"name\":\"王芳\",\"phone\":\"+86 138-0013-8000\",\"companySize\":120,\"birthday\":\"1990-02-28\",\"doNotEmail\":true,\"attributes\":{\"openId\":\"o-1\"}}",
            "{\"type\":\"ProfileUpdated\",\"id\":\"e2\",\"at\":\"2024-03-01T09:30:00Z\",\"customerId\":\"C1\",\"email\":\"a@b.cn\"}",
            "{\"type\":\"InteractionLogged\",\"id\":\"e3\",\"at\":\"2024-03-01T09:30:00Z\",\"customerId\":\"C1\",\"kind\":\"CALL\",\"repId\":\"r1\",\"durationSeconds\":300}",
            "{\"type\":\"BantUpdated\",\"id\":\"e4\",\"at\":\"2024-03-01T09:30:00Z\",\"customerId\":\"C1\",\"budget\":true,\"amount\":50000.00}",
            "{\"type\":\"OpportunityClosed\",\"id\":\"e5\",\"at\":\"2024-03-01T09:30:00Z\",\"customerId\":\"C1\",\"opportunityId\":\"O1\",\"outcome\":\"WON\",\"amount\":1000}",
            "{\"type\":\"OrderPlaced\",\"id\":\"e6\",\"at\":\"2024-03-01T09:30:00Z\",\"orderId\":\"SO-1\",\"customerId\":\"C1\",\"amount\":199.90,\"currency\":\"CNY\",\"lines\":[{\"sku\":\"A\",\"quantity\":2,\"amount\":199.90}],\"promisedDate\":\"2024-03-08\"}",
            "{\"type\":\"OrderStatusChanged\",\"id\":\"e7\",\"at\":\"2024-03-01T09:30:00Z\",\"orderId\":\"SO-1\",\"status\":\"SHIPPED\",\"trackingNo\":\"SF123\"}",
            "{\"type\":\"OrderStatusChanged\",\"id\":\"e7s\",\"at\":\"2024-03-01T09:30:00Z\",\"orderId\":\"SO-1\",\"status\":\"STOCK_SHORT\",\"lines\":[{\"sku\":\"A\",\"quantity\":1}]}",
            "{\"type\":\"PaymentReceived\",\"id\":\"e8\",\"at\":\"2024-03-01T09:30:00Z\",\"orderId\":\"SO-1\",\"amount\":199.90}",
            "{\"type\":\"TicketOpened\",\"id\":\"e9\",\"at\":\"2024-03-01T09:30:00Z\",\"ticketId\":\"T1\",\"customerId\":\"C1\",\"kind\":\"COMPLAINT\",\"severity\":\"HIGH\"}",
            "{\"type\":\"TicketResolved\",\"id\":\"e10\",\"at\":\"2024-03-01T09:30:00Z\",\"ticketId\":\"T1\",\"firstContact\":true}",
            "{\"type\":\"SurveyAnswered\",\"id\":\"e11\",\"at\":\"2024-03-01T09:30:00Z\",\"customerId\":\"C1\",\"nps\":9,\"csat\":5,\"review\":\"GOOD\"}",
            "{\"type\":\"ContractSigned\",\"id\":\"e12\",\"at\":\"2024-03-01T09:30:00Z\",\"customerId\":\"C1\",\"contractId\":\"K1\",\"expiresOn\":\"2025-02-28\",\"amount\":12000}",
            "{\"type\":\"RepUpdated\",\"id\":\"e13\",\"at\":\"2024-03-01T09:30:00Z\",\"repId\":\"r1\",\"team\":\"EAST\",\"industries\":[\"制造业\"],\"capacity\":30,\"available\":true}",
            "{\"type\":\"CampaignLaunched\",\"id\":\"e14\",\"at\":\"2024-03-01T09:30:00Z\",\"campaignId\":\"CP1\",\"segment\":\"HIGH_VALUE\"}",
            "{\"type\":\"ClockTick\",\"id\":\"e15\",\"at\":\"2024-03-02T00:00:00Z\"}",
            "{\"type\":\"CustomerErased\",\"id\":\"e16\",\"at\":\"2024-03-02T00:00:00Z\",\"customerId\":\"C1\"}"})
    void everyEventType_readsAndWritesBack(String json) {
        Event e = Json.readEvent(json);
        assertThat(e.type()).isEqualTo(json.substring(9, json.indexOf('"', 9)));
        assertThat(Json.readEvent(Json.write(e))).isEqualTo(e);
    }

    @Test
    void time_withOffset_isConvertedToUtc() {
        Event e = Json.readEvent("{\"type\":\"ClockTick\",\"id\":\"t\",\"at\":\"2024-03-01T08:00:00+08:00\"}");
        assertThat(e.at()).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
    }

    @Test
    void unknownFields_areIgnored() {
        Event e = Json.readEvent("{\"type\":\"ClockTick\",\"id\":\"t\",\"at\":\"2024-03-01T00:00:00Z\",\"source\":\"erp-7\"}");
        assertThat(e.id()).isEqualTo("t");
    }

    @Test
    void malformedJson_isRejectedWithLineAndColumn() {
        assertThatThrownBy(() -> Json.readEvent("{\"type\":\"ClockTick\",\"id\":", 7))
                .isInstanceOf(EventRejectedException.class)
                .hasMessageContaining("line 7").hasMessageContaining("malformed JSON at column");
    }

    @Test
    void unknownType_isRejectedWithASuggestion() {
        EventRejectedException e = reject("{\"type\":\"OrderPlacd\",\"id\":\"e1\",\"at\":\"2024-03-01T00:00:00Z\"}", 3);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.field()).isEqualTo("type");
        assertThat(e.value()).isEqualTo("OrderPlacd");
        assertThat(e.getMessage()).contains("unknown event type").contains("Did you mean OrderPlaced?");
    }

    @Test
    void missingRequiredField_namesTheField() {
        EventRejectedException e = reject("{\"type\":\"OrderPlaced\",\"id\":\"e1\",\"at\":\"2024-03-01T00:00:00Z\",\"orderId\":\"o\",\"amount\":5}", 12);
        assertThat(e.field()).isEqualTo("customerId");
        assertThat(e.value()).isNull();
        assertThat(e.getMessage()).startsWith("The event (line 12, OrderPlaced \"e1\") was rejected: field 'customerId' (missing)");
    }

    @Test
    void illTypedField_namesFieldAndValue() {
        EventRejectedException e = reject("{\"type\":\"OrderPlaced\",\"id\":\"e1\",\"at\":\"2024-03-01T00:00:00Z\",\"orderId\":\"o\",\"customerId\":\"c\",\"amount\":\"12,50\"}", 4);
        assertThat(e.field()).isEqualTo("amount");
        assertThat(e.value()).isEqualTo("12,50");
        assertThat(e.problem()).contains("must be a JSON number");
    }

    @Test
    void negativeAmount_isRejectedWithAHint() {
        EventRejectedException e = reject("{\"type\":\"OrderPlaced\",\"id\":\"e1\",\"at\":\"2024-03-01T00:00:00Z\",\"orderId\":\"o\",\"customerId\":\"c\",\"amount\":-5.00}", 12);
        assertThat(e.field()).isEqualTo("amount");
        assertThat(e.value()).isEqualTo("-5.00");
        assertThat(e.getMessage()).contains("amounts must not be negative").contains("OrderStatusChanged with status RETURNED");
    }

    @Test
    void npsOutOfRange_isRejected() {
        EventRejectedException e = reject("{\"type\":\"SurveyAnswered\",\"id\":\"s\",\"at\":\"2024-03-01T00:00:00Z\",\"customerId\":\"c\",\"nps\":11}", 2);
        assertThat(e.field()).isEqualTo("nps");
        assertThat(e.value()).isEqualTo("11");
        assertThat(e.problem()).isEqualTo("must be between 0 and 10");
    }

    @Test
    void enumTypo_listsTheValuesAndSuggests() {
        EventRejectedException e = reject("{\"type\":\"InteractionLogged\",\"id\":\"i\",\"at\":\"2024-03-01T00:00:00Z\",\"customerId\":\"c\",\"kind\":\"CALLL\"}", 1);
        assertThat(e.field()).isEqualTo("kind");
        assertThat(e.value()).isEqualTo("CALLL");
        assertThat(e.problem()).contains("must be one of CALL, VISIT").contains("Did you mean CALL?");
    }

    @Test
    void badTime_isRejected() {
        EventRejectedException e = reject("{\"type\":\"ClockTick\",\"id\":\"t\",\"at\":\"yesterday\"}", 9);
        assertThat(e.field()).isEqualTo("at");
        assertThat(e.problem()).contains("ISO-8601");
        EventRejectedException n = reject("{\"type\":\"ClockTick\",\"id\":\"t\",\"at\":1700000000}", 9);
        assertThat(n.field()).isEqualTo("at");
    }

    @Test
    void nestedField_isNamedByItsPath() {
        EventRejectedException e = reject("{\"type\":\"OrderPlaced\",\"id\":\"e1\",\"at\":\"2024-03-01T00:00:00Z\",\"orderId\":\"o\",\"customerId\":\"c\",\"amount\":5,\"lines\":[{\"sku\":\"A\",\"quantity\":\"two\"}]}", 5);
        assertThat(e.field()).isEqualTo("lines[0].quantity");
        assertThat(e.value()).isEqualTo("two");
    }

    @Test
    void orderStatusChanged_namesLinesOnlyWithStockShort_andWritesNoneWhenItNamesNone() {
        OrderStatusChanged shipped = (OrderStatusChanged) Json.readEvent("{\"type\":\"OrderStatusChanged\",\"id\":"
                + "\"e1\",\"at\":\"2024-03-01T00:00:00Z\",\"orderId\":\"o\",\"status\":\"SHIPPED\"}");
        assertThat(shipped.lines()).isNull();
        assertThat(Json.write(shipped)).doesNotContain("lines");

        EventRejectedException e = reject("{\"type\":\"OrderStatusChanged\",\"id\":\"e1\",\"at\":"
                + "\"2024-03-01T00:00:00Z\",\"orderId\":\"o\",\"status\":\"SHIPPED\",\"lines\":[{\"sku\":\"A\"}]}", 4);
        assertThat(e.field()).isEqualTo("lines");
        assertThat(e.getMessage()).contains("line 4").contains("only a STOCK_SHORT names lines");
    }

    @Test
    void javaEvents_keepTheSameContract() {
        assertThatThrownBy(() -> OrderPlaced.of("e1", Instant.EPOCH, "o", "c", new BigDecimal("-1")))
                .isInstanceOf(EventRejectedException.class).hasMessageContaining("field 'amount' = -1");
        assertThatThrownBy(() -> LeadCaptured.builder("e1", Instant.EPOCH, "L1", " ").build())
                .hasMessageContaining("field 'channel'");
    }

    @Test
    void actions_writeTheirTypeFirst_andReadBack() {
        Action a = new StageChanged("id-1", Instant.parse("2024-03-01T00:00:00Z"), "lifecycle: x", "because",
                "C1", null, Stage.LEAD);
        String json = Json.write(a);
        assertThat(json).startsWith("{\"type\":\"STAGE_CHANGED\",\"id\":\"id-1\",\"at\":\"2024-03-01T00:00:00Z\"");
        assertThat(json).doesNotContain("\"from\"");
        assertThat(Json.readAction(json)).isEqualTo(a);
        MessageRequested m = new MessageRequested("m", Instant.EPOCH, "r", "why", "C1", Channel.SMS,
                Template.COUPON, Map.of("z", "1", "a", "2"));
        assertThat(Json.write(m)).contains("\"params\":{\"a\":\"2\",\"z\":\"1\"}");
    }

    private static EventRejectedException reject(String json, long line) {
        try {
            Json.readEvent(json, line);
        } catch (EventRejectedException e) {
            return e;
        }
        throw new AssertionError("not rejected: " + json);
    }
}
