package dev.custflow.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.internal.json.EventLineArbitraries;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The common spelling of times is read directly, as the general parser reads it; every other spelling is left to it. */
class IsoTimesTest {

    @Test
    void utcTimes_withAndWithoutAFraction_areRead() {
        assertThat(IsoTimes.utcOrNull("2024-03-01T09:30:00Z")).isEqualTo(Instant.parse("2024-03-01T09:30:00Z"));
        assertThat(IsoTimes.utcOrNull("2024-02-29T23:59:59.5Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.500Z"));
        assertThat(IsoTimes.utcOrNull("1899-12-31T00:00:00.123456789Z"))
                .isEqualTo(Instant.parse("1899-12-31T00:00:00.123456789Z"));
        assertThat(IsoTimes.dateOrNull("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-01T17:30:00+08:00", "2024-03-01t09:30:00z", " 2024-03-01T09:30:00Z",
            "2024-12-31T23:59:60Z", "2024-03-01T24:00:00Z", "2023-02-29T00:00:00Z", "2024-03-01T09:30:00.Z",
            "2024-03-01T09:30:00.1234567890Z", "2024-03-01T09:30Z", "+2024-03-01T09:30:00Z", "2024-03-01T09:3a:00Z",
            "2024-13-01T00:00:00Z", "2024-00-10T00:00:00Z", "2024-01-00T00:00:00Z", "2024-03-01 09:30:00Z"})
    void anyOtherSpellingOrAnImpossibleTime_isLeftToTheGeneralParser(String text) {
        assertThat(IsoTimes.utcOrNull(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29", "2024-3-01", "2024-03-01 ", "20240301", "2024/03/01", "+2024-03-01"})
    void anyOtherDate_isLeftToTheGeneralParser(String text) {
        assertThat(IsoTimes.dateOrNull(text)).isNull();
    }

    @Property(tries = 5_000)
    void whatIsReadDirectly_isWhatTheGeneralParserReads(@ForAll("times") String text) {
        Instant direct = IsoTimes.utcOrNull(text);
        LocalDate date = IsoTimes.dateOrNull(text);
        Statistics.label("read directly").collect(direct != null || date != null);

        if (direct != null) {
            assertThat(direct).isEqualTo(general(text));
        }
        if (date != null) {
            assertThat(date).isEqualTo(LocalDate.parse(text));
        }
        if (general(text) != null && text.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,9})?Z")) {
            assertThat(direct).as("the common spelling is read directly").isNotNull();
        }
        if (text.matches("\\d{4}-\\d\\d-\\d\\d") && parsesAsDate(text)) {
            assertThat(date).isNotNull();
        }
    }

    @Property(tries = 2_000)
    void instantsReadsEveryTime_asTheGeneralParserAlone(@ForAll("times") String text) {
        assertThat(Instants.parseOrNull(text)).as(text).isEqualTo(general(text));
    }

    @Provide
    Arbitrary<String> times() {
        return EventLineArbitraries.times();
    }

    /** The JDK's parsers alone, as {@link Instants#parseOrNull} read before it tried the common spelling first. */
    private static Instant general(String text) {
        String s = text.strip();
        try {
            return Instant.parse(s);
        } catch (DateTimeException notUtc) {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeException notIso) {
                return null;
            }
        }
    }

    private static boolean parsesAsDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
