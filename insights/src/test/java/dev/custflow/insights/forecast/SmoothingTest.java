package dev.custflow.insights.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The grid searches on their own, without the methods' warm-up and floor. */
class SmoothingTest {

    @Test
    void simple_onARisingSeries_fitsAlphaOne() {
        assertThat(Smoothing.simple(new double[] {10, 20, 30})).isCloseTo(30, within(1e-9));
    }

    @Test
    void simple_onAnAlternatingSeries_smoothsBetweenTheTwoValues() {
        // alpha 1 errs by the whole swing every month, a smaller one by less: the level stays between 10 and 20
        double next = Smoothing.simple(new double[] {10, 20, 10, 20, 10, 20, 10, 20});
        assertThat(next).isStrictlyBetween(10.0, 20.0);
    }

    @Test
    void holt_extendsAFallingTrend_belowZeroWhenUnbounded() {
        assertThat(Smoothing.holt(new double[] {50, 30, 10})).isCloseTo(-10, within(1e-9));
    }
}
