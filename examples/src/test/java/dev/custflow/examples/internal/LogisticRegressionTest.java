package dev.custflow.examples.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LogisticRegressionTest {

    @Test
    void oneBinaryColumn_theSlopeIsTheLogOddsRatio_andTheInterceptTheLogOddsWithout() {
        // without the feature 1 of 4 converted, with it 3 of 4: the maximum-likelihood fit is exact
        double[][] x = {{0}, {0}, {0}, {0}, {1}, {1}, {1}, {1}};
        boolean[] y = {true, false, false, false, true, true, true, false};

        double[] beta = LogisticRegression.fit(x, y, 0);

        assertThat(beta[0]).isCloseTo(Math.log(1.0 / 3), within(1e-9));
        assertThat(beta[1]).isCloseTo(Math.log(9), within(1e-9));
    }

    @Test
    void twoCopiesOfOneColumn_shareItsWeight_underTheRidge() {
        double[][] x = {{0, 0}, {0, 0}, {0, 0}, {0, 0}, {1, 1}, {1, 1}, {1, 1}, {1, 1}};
        boolean[] y = {true, false, false, false, true, true, true, false};

        double[] beta = LogisticRegression.fit(x, y, 1e-6);

        // a column said twice does not count twice: the two weights add up to the one of a single copy
        assertThat(beta[1]).isCloseTo(beta[2], within(1e-6));
        assertThat(beta[1] + beta[2]).isCloseTo(Math.log(9), within(1e-4));
    }

    @Test
    void indicators_nonSeparable_aTinyRidgeGivesTheExactFit() {
        // the same data as rows of the indicators that are 1: without it 1 of 4 converted, with it 3 of 4
        int[][] rows = {{}, {}, {}, {}, {0}, {0}, {0}, {0}};
        boolean[] y = {true, false, false, false, true, true, true, false};

        double[] beta = LogisticRegression.fitIndicators(rows, 1, y, 1e-9);

        assertThat(beta[0]).isCloseTo(Math.log(1.0 / 3), within(1e-6));
        assertThat(beta[1]).isCloseTo(Math.log(9), within(1e-6));
        assertThat(LogisticRegression.chance(beta, new int[] {0})).isCloseTo(0.75, within(1e-6));
    }

    @Test
    void indicators_separable_theRidgeKeepsTheWeightFinite_atThePenalisedOptimum() {
        // with the indicator every lead converted, without it none: without a ridge the weight would run to infinity
        int[][] rows = {{}, {}, {}, {0}, {0}, {0}};
        boolean[] y = {false, false, false, true, true, true};

        double[] beta = LogisticRegression.fitIndicators(rows, 1, y, 1.0);

        assertThat(beta[1]).isPositive().isLessThan(10);
        // the optimum: the residuals sum to 0 (free intercept), and those with the indicator to ridge x weight
        double pWith = LogisticRegression.chance(beta, new int[] {0});
        double pWithout = LogisticRegression.chance(beta, new int[] {});
        assertThat(3 * (1 - pWith) - 3 * pWithout).isCloseTo(0, within(1e-9));
        assertThat(3 * (1 - pWith)).isCloseTo(1.0 * beta[1], within(1e-9));
    }

    @Test
    void indicators_anIndicatorNoRowHas_getsWeightZero_andBadInputIsRefused() {
        int[][] rows = {{}, {0}, {}, {0}};
        boolean[] y = {false, true, true, false};

        assertThat(LogisticRegression.fitIndicators(rows, 2, y, 1.0)[2]).isZero();
        assertThatThrownBy(() -> LogisticRegression.fitIndicators(rows, 2, y, 0))
                .hasMessage("the ridge must be above 0, got 0.0");
        assertThatThrownBy(() -> LogisticRegression.fitIndicators(new int[][] {{2}}, 2, new boolean[] {true}, 1))
                .hasMessage("feature 2 of 2");
    }

    @Test
    void solve_gaussianEliminationWithPivoting() {
        double[] x = LogisticRegression.solve(new double[][] {{0, 2}, {3, 1}}, new double[] {4, 5});

        assertThat(x).containsExactly(new double[] {1, 2}, within(1e-12));
    }
}
