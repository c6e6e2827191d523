package dev.custflow.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.event.Event;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.statistics.Statistics;

/**
 * The one-pass reader and the tree agree: what the one pass accepts, the tree accepts as the same event, and reading
 * a line gives the same event or the same refusal (line, type, id, field, value, message) as the tree alone.
 */
class StreamingEventReaderProperties {

    @Property(tries = 2_000)
    void aValidLine_isReadInOnePass_asTheTreeReadsIt(@ForAll("valid") String line) {
        Event fast = StreamingEventReader.readOrNull(line);
        Statistics.label("path").collect(fast == null ? "declined" : "one pass");

        assertThat(outcome(() -> JsonCodec.readEvent(line, 3))).isEqualTo(outcome(() -> JsonCodec.readByTree(line, 3)));
        if (fast != null) {
            assertThat(fast).isEqualTo(JsonCodec.readByTree(line, 3));
        }
    }

    @Property(tries = 5_000)
    void aDamagedLine_isAcceptedOrRefused_exactlyAsTheTreeDecides(@ForAll("mutated") String line) {
        Event fast = StreamingEventReader.readOrNull(line);
        Object tree = outcome(() -> JsonCodec.readByTree(line, 3));
        Statistics.label("path").collect(fast != null ? "one pass" : tree instanceof Event ? "declined, valid"
                : "declined, refused");

        assertThat(outcome(() -> JsonCodec.readEvent(line, 3))).isEqualTo(tree);
        if (fast != null) {
            assertThat(fast).isEqualTo(tree);
        }
    }

    @Property(tries = 4_000)
    void theHandBinder_readsTheMappersEvent_orLeavesTheLineAsTheMapperWould(@ForAll("bound") String line) {
        String type = StreamingEventReader.typeAtOpening(line);
        Object bound;
        try {
            bound = type == null ? "no type at the opening" : FlatEventBinder.readOrNull(line, type);
        } catch (Exception e) {
            bound = e;
        }
        Event mapper = StreamingEventReader.readByMapperOrNull(line);
        Statistics.label("binder").collect(String.valueOf(type), bound instanceof Event ? "bound"
                : bound instanceof Exception ? "failed" : bound == null ? "left to the mapper" : bound);

        if (bound instanceof Event) {
            assertThat(bound).isEqualTo(mapper).isEqualTo(JsonCodec.readByTree(line, 3));
        } else if (bound instanceof Exception) {
            // a failure skips the mapper's pass: it must fail there too, and the tree decides
            assertThat(mapper).isNull();
        }
        assertThat(outcome(() -> JsonCodec.readEvent(line, 3))).isEqualTo(outcome(() -> JsonCodec.readByTree(line, 3)));
    }

    @Provide
    Arbitrary<String> bound() {
        return EventLineArbitraries.boundLines();
    }

    @Provide
    Arbitrary<String> valid() {
        return EventLineArbitraries.validLines();
    }

    @Provide
    Arbitrary<String> mutated() {
        return EventLineArbitraries.mutatedLines();
    }

    /** The event, or everything a caller can see of the refusal. */
    private static Object outcome(java.util.function.Supplier<Event> read) {
        try {
            return read.get();
        } catch (dev.custflow.EventRejectedException e) {
            return String.join(" | ", "refused", String.valueOf(e.line()), e.eventType(), e.eventId(), e.field(),
                    e.value(), e.problem(), e.getMessage());
        } catch (RuntimeException e) {
            return "failed " + e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
