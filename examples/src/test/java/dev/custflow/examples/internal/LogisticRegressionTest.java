package dev.custflow.examples.internal;

import static org.assertj.core.api.Assertions.assertThat;
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
    void solve_gaussianEliminationWithPivoting() {
        double[] x = LogisticRegression.solve(new double[][] {{0, 2}, {3, 1}}, new double[] {4, 5});

        assertThat(x).containsExactly(new double[] {1, 2}, within(1e-12));
    }
}
