package dev.custflow.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.custflow.EventRejectedException;
import dev.custflow.event.InteractionLogged;
import dev.custflow.event.TicketResolved;
import dev.custflow.model.InteractionKind;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand binder reads the plain spelling of the common flat events into the record, leaves every other spelling to
 * the mapper's pass (null), and throws where the mapper's pass would fail too.
 */
class FlatEventBinderTest {
    private static final String CALL = "{\"type\":\"InteractionLogged\",\"id\":\"e1\",\"at\":\"2024-01-02T04:03:00Z\","
            + "\"customerId\":\"C1\",\"kind\":\"CALL\",\"repId\":\"R1\"%s}";

    @Test
    void aPlainLine_isBoundToTheRecord_asTheTreeReadsIt() throws IOException {
        String json = CALL.formatted(",\"count\":2,\"durationSeconds\":60,\"note\":\"回电\"");

        InteractionLogged e = (InteractionLogged) FlatEventBinder.readOrNull(json, "InteractionLogged");

        assertThat(e).isEqualTo(new InteractionLogged("e1", Instant.parse("2024-01-02T04:03:00Z"), "C1",
                InteractionKind.CALL, "R1", 2, 60, "回电")).isEqualTo(JsonCodec.readByTree(json, 1));
    }

    @Test
    void missingOptionalFields_andBooleans_areBound() throws IOException {
        String json = "{\"type\":\"TicketResolved\",\"id\":\"e2\",\"at\":\"2024-01-02T04:03:00Z\",\"ticketId\":\"T1\","
                + "\"firstContact\":false}";

        assertThat(FlatEventBinder.readOrNull(json, "TicketResolved"))
                .isEqualTo(new TicketResolved("e2", Instant.parse("2024-01-02T04:03:00Z"), "T1", false, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {",\"extra\":1", ",\"note\":null", ",\"count\":2.0", ",\"count\":2147483648",
            ",\"count\":-0", ",\"note\":17", ",\"kind2\":\"CALL\"", ",\"source\":{\"erp\":1}"})
    void anotherSpellingOrField_isLeftToTheMapper(String tail) throws IOException {
        assertThat(FlatEventBinder.readOrNull(CALL.formatted(tail), "InteractionLogged")).isNull();
    }

    @Test
    void anotherTimeSpellingOrEnumName_isLeftToTheMapper() throws IOException {
        assertThat(FlatEventBinder.readOrNull(CALL.formatted("").replace("Z\"", "+00:00\""), "InteractionLogged"))
                .isNull();
        assertThat(FlatEventBinder.readOrNull(CALL.formatted("").replace("CALL", "call"), "InteractionLogged"))
                .isNull();
    }

    @Test
    void aTypeItDoesNotBind_isLeftToTheMapper() throws IOException {
        assertThat(FlatEventBinder.binds("PaymentReceived")).isFalse();
        assertThat(FlatEventBinder.readOrNull("{\"type\":\"PaymentReceived\"}", "PaymentReceived")).isNull();
    }

    @Test
    void aDuplicateKey_isLeftToTheMapper_andAControlCharacterFailsAsTheMappersPassWould() throws IOException {
        String twice = CALL.formatted(",\"repId\":\"R2\"");
        String control = CALL.formatted(",\"note\":\"a\\u0000b\"");

        assertThat(FlatEventBinder.readOrNull(twice, "InteractionLogged")).isNull();
        assertThatThrownBy(() -> StreamingEventReader.EVENT_READER.readValue(twice))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("Duplicate field 'repId'");
        assertThatThrownBy(() -> FlatEventBinder.readOrNull(control, "InteractionLogged"))
                .isInstanceOf(StreamingEventReader.Declined.class);
        assertThat(StreamingEventReader.readByMapperOrNull(twice)).isNull();
        assertThat(StreamingEventReader.readByMapperOrNull(control)).isNull();
    }

    @Test
    void theRecordsRefusal_isThrown_forTheTreePathToWrite() {
        String blank = CALL.formatted("").replace("\"C1\"", "\" \"");

        assertThatThrownBy(() -> FlatEventBinder.readOrNull(blank, "InteractionLogged"))
                .isInstanceOf(EventRejectedException.class);
        assertThat(StreamingEventReader.readOrNull(blank)).isNull();
    }
}
