package dev.custflow.examples.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuantileBandsTest {

    @Test
    void bandsStartAtQuantiles_andSmallBandsMergeIntoTheOneBefore() {
        double[] oneToTen = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

        // quintile cuts 1, 3, 5, 7, 9 hold 2 values each; with at least 3 a band: 1-4, 5-8, and 9-10 joins 5
        assertThat(QuantileBands.of(oneToTen, 5, 3).from()).containsExactly(1, 5);
        assertThat(QuantileBands.of(oneToTen, 5, 2).from()).containsExactly(1, 3, 5, 7, 9);
    }

    @Test
    void equalValuesStayInOneBand() {
        double[] manyZeros = {0, 0, 0, 0, 0, 0, 1, 2, 3, 4};

        assertThat(QuantileBands.of(manyZeros, 5, 2).from()).containsExactly(0, 1, 3);
        assertThat(QuantileBands.of(new double[] {7, 7, 7}, 10, 1).from()).containsExactly(7);
        assertThat(QuantileBands.of(new double[0], 10, 1).size()).isZero();
    }

    @Test
    void aNumberFallsInTheBandWithTheLargestStartAtOrBelowIt() {
        QuantileBands b = QuantileBands.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 5, 3);

        assertThat(b.bandOf(0.5)).isEqualTo(-1);
        assertThat(b.bandOf(1.0)).isZero();
        assertThat(b.bandOf(4.99)).isZero();
        assertThat(b.bandOf(5.0)).isEqualTo(1);
        assertThat(b.bandOf(1e9)).isEqualTo(1);
        assertThat(b.bandOf(null)).isEqualTo(-1);
    }
}
