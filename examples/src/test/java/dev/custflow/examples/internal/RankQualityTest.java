package dev.custflow.examples.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RankQualityTest {

    @Test
    void auc_isTheShareOfPairsRankedRight() {
        // converted: 2 and 4; not: 1 and 3. Pairs (2,1) right, (2,3) wrong, (4,1) right, (4,3) right: 3 of 4
        assertThat(RankQuality.auc(new double[] {1, 2, 3, 4}, new boolean[] {false, true, false, true}))
                .isEqualTo(0.75);
        assertThat(RankQuality.auc(new double[] {1, 2, 3, 4}, new boolean[] {false, false, true, true}))
                .isEqualTo(1.0);
        assertThat(RankQuality.auc(new double[] {4, 3, 2, 1}, new boolean[] {false, false, true, true}))
                .isEqualTo(0.0);
    }

    @Test
    void auc_aTieCountsHalf() {
        // (2,1) right, (2,2) tie: a half, (3,1) right, (3,2) right: 3.5 of 4
        assertThat(RankQuality.auc(new double[] {1, 2, 2, 3}, new boolean[] {false, true, false, true}))
                .isEqualTo(0.875);
        // every score equal: a coin
        assertThat(RankQuality.auc(new double[] {5, 5, 5, 5, 5}, new boolean[] {true, false, true, false, false}))
                .isEqualTo(0.5);
        assertThat(RankQuality.auc(new double[] {1, 2}, new boolean[] {true, true})).isNaN();
    }

    @Test
    void topRate_countsTheTopShare_fillingACutThroughEqualScoresAtTheirOwnRate() {
        double[] scores = {9, 8, 8, 8, 1, 1, 1, 1, 1, 1};
        boolean[] converted = {true, true, false, false, false, false, false, false, false, true};

        // top 20 % of 10 = 2 slots: the 9 (converted) and one of the three 8s, of which 1 in 3 converted
        assertThat(RankQuality.topRate(scores, converted, 0.2)).isEqualTo((1 + 1.0 / 3) / 2);
        assertThat(RankQuality.topRate(scores, converted, 0.1)).isEqualTo(1.0);
        assertThat(RankQuality.topRate(scores, converted, 0.4)).isEqualTo(2.0 / 4);
        assertThat(RankQuality.topRate(scores, converted, 1.0)).isEqualTo(3.0 / 10);
        // 2.5 slots: the 9 and 1.5 of the 8s
        assertThat(RankQuality.topRate(scores, converted, 0.25)).isEqualTo((1 + 1.5 / 3) / 2.5);
        assertThatThrownBy(() -> RankQuality.topRate(scores, converted, 0)).hasMessageContaining("share");
    }

    @Test
    void brier_isTheMeanSquaredGapBetweenChanceAndOutcome() {
        // (0.9-1)² + (0.2-0)² + (0.5-1)² + (0.5-0)² = 0.01 + 0.04 + 0.25 + 0.25 = 0.55, over 4
        assertThat(RankQuality.brier(new double[] {0.9, 0.2, 0.5, 0.5}, new boolean[] {true, false, true, false}))
                .isCloseTo(0.1375, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(RankQuality.brier(new double[] {1, 0}, new boolean[] {true, false})).isZero();
        assertThat(RankQuality.brier(new double[] {1, 0}, new boolean[] {false, true})).isEqualTo(1.0);
    }
}
