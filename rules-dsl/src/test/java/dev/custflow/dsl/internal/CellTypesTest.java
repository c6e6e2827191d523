package dev.custflow.dsl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.dsl.internal.CellTypes.Kind;
import org.junit.jupiter.api.Test;

/** A decision table's column expects what its code does with the cell. */
class CellTypesTest {

    @Test
    void aNumericPropertyComparedWithTheCell_orANumberDeclared_expectsANumber() {
        assertThat(CellTypes.of("orderCount >= $param")).contains(Kind.NUMBER);
        assertThat(CellTypes.of("int days = $param; schedule.wakeAt($c, $c.daysAfterLastOrder(days));"))
                .contains(Kind.NUMBER);
        assertThat(CellTypes.of("complaintsWithinDays($param) >= 2")).contains(Kind.NUMBER);
    }

    @Test
    void aBooleanPropertyComparedWithTheCell_expectsTrueOrFalse() {
        assertThat(CellTypes.of("openLead == $param")).contains(Kind.BOOLEAN);
    }

    @Test
    void aCellBetweenQuotes_orAConstantsName_isNotTyped() {
        assertThat(CellTypes.of("hasTag(\"$param\")")).isEmpty();
        assertThat(CellTypes.of("stage == Stage.$param")).isEmpty();
        assertThat(CellTypes.of("region == \"$param\"")).isEmpty();
    }

    @Test
    void numbersAndBooleans_areWrittenAsJavaWritesThem() {
        assertThat(CellTypes.fits(Kind.NUMBER, "500")).isTrue();
        assertThat(CellTypes.fits(Kind.NUMBER, "-2.5")).isTrue();
        assertThat(CellTypes.fits(Kind.NUMBER, "five hundred")).isFalse();
        assertThat(CellTypes.fits(Kind.NUMBER, "500 人")).isFalse();
        assertThat(CellTypes.fits(Kind.BOOLEAN, "true")).isTrue();
        assertThat(CellTypes.fits(Kind.BOOLEAN, "yes")).isFalse();
    }
}
