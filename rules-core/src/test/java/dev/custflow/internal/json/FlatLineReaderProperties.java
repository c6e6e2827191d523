package dev.custflow.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.event.Event;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The reader without a parser and the parser's binding agree: a line the reader takes is the same event through the
 * parser, a record's refusal it meets the parser meets too, and it declines everything else, valid or damaged.
 */
class FlatLineReaderProperties {

    @Property(tries = 5_000)
    void whatTheReaderTakes_theParsersBindingTakesAsTheSameEvent(@ForAll("lines") String line) {
        String type = StreamingEventReader.typeAtOpening(line);
        FlatEventBinder.Binding<? extends Event> b = type == null ? null : FlatEventBinder.binding(type);
        if (b == null) {
            Statistics.label("reader").collect("not a bound type at the opening");
            return;
        }
        Object read = FlatLineReaderTest.outcome(() -> FlatLineReader.readOrNull(line, b));
        Object parsed = FlatLineReaderTest.outcome(() -> FlatEventBinder.readByParserOrNull(line, b));
        Statistics.label("reader").collect(read instanceof Event ? "read" : read == null ? "declined" : "failed");

        if (read instanceof Event) {
            assertThat(parsed).isEqualTo(read);
        } else if (read != null) {
            // the record refused the values: the parser hands it the same ones (or fails before)
            assertThat(parsed).isInstanceOf(String.class);
        }
    }

    @Provide
    Arbitrary<String> lines() {
        return Arbitraries.oneOf(EventLineArbitraries.boundLines(), EventLineArbitraries.validLines(),
                EventLineArbitraries.mutatedLines());
    }
}
