package dev.custflow.examples.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Weight of evidence on hand-made leads, against numbers worked out by hand. */
class EvidenceTest {
    private static final double EXACT = 1e-12;

    // a: 2 of 3 converted; b: 0 of 2; one missing value that converted. P = 3, N = 3.
    private static final List<String> VALUES = Arrays.asList("a", "A", "a", "b", "b", null);
    private static final boolean[] CONVERTED = {true, true, false, false, false, true};

    @Test
    void woe_isTheLaplaceSmoothedLogOddsRatio_ofEachValue() {
        Evidence e = Evidence.of(VALUES, CONVERTED, 2, 1.0);

        // K = 3 buckets (a, b, the pool): a = ln((2+1)/(3+3)) - ln((1+1)/(3+3)) = ln 1.5
        assertThat(e.kept()).extracting(Evidence.Bucket::name).containsExactly("a", "b");
        assertThat(e.kept().get(0).woe()).isCloseTo(Math.log(1.5), within(EXACT));
        assertThat(e.kept().get(0).rows()).isEqualTo(3);
        assertThat(e.kept().get(0).converted()).isEqualTo(2);
        // b = ln((0+1)/6) - ln((2+1)/6) = ln(1/3)
        assertThat(e.kept().get(1).woe()).isCloseTo(Math.log(1.0 / 3), within(EXACT));
        // the pool (1 lead) is below minRows: it says nothing, so it counts as the average lead (0)
        assertThat(e.pool().rows()).isEqualTo(1);
        assertThat(e.poolWoe()).isZero();
        assertThat(e.of("A")).isCloseTo(Math.log(1.5), within(EXACT)); // case ignored, like the engine's tables
        assertThat(e.of("b")).isCloseTo(-Math.log(3), within(EXACT));
        assertThat(e.of(null)).isZero();
        assertThat(e.of("never seen")).isZero();
    }

    @Test
    void evidence_isRelativeToThePool_whenThePoolIsLargeEnough() {
        Evidence e = Evidence.of(VALUES, CONVERTED, 1, 1.0);

        // pool = ln((1+1)/6) - ln((0+1)/6) = ln 2; a relative to it: ln 1.5 - ln 2 = ln 0.75
        assertThat(e.poolWoe()).isCloseTo(Math.log(2), within(EXACT));
        assertThat(e.of("a")).isCloseTo(Math.log(0.75), within(EXACT));
        assertThat(e.of("b")).isCloseTo(Math.log(1.0 / 6), within(EXACT));
    }

    @Test
    void rareValues_arePooledWithTheMissingOnes() {
        Evidence e = Evidence.of(VALUES, CONVERTED, 3, 1.0);

        // b (2 leads) joins the missing one: the pool has 3 leads, 1 converted; K = 2
        assertThat(e.kept()).extracting(Evidence.Bucket::name).containsExactly("a");
        assertThat(e.pool().rows()).isEqualTo(3);
        assertThat(e.pool().converted()).isEqualTo(1);
        // a = ln(3/5) - ln(2/5); pool = ln(2/5) - ln(3/5); a relative to the pool = 2 ln 1.5
        assertThat(e.of("a")).isCloseTo(2 * Math.log(1.5), within(EXACT));
        assertThat(e.of("b")).isZero();
    }

    @Test
    void aValueIsShownInItsMostFrequentSpelling() {
        Evidence e = Evidence.of(List.of("google", "Google", "Google"), new boolean[] {true, false, true}, 1, 1.0);

        assertThat(e.kept()).extracting(Evidence.Bucket::name).containsExactly("Google");
    }
}
