package dev.custflow.examples.internal;

/**
 * Logistic regression by Newton's method (iteratively reweighted least squares), with a small ridge
 * on the slopes so that collinear columns stay finite. Used to weigh columns of evidence against each
 * other: two columns that say the same thing (a lead form and the referral it came from) must not
 * count twice.
 */
public final class LogisticRegression {
    private LogisticRegression() {
    }

    /**
     * @param x     one row per lead, one column per feature (no intercept column: it is added)
     * @param y     the outcome of each lead
     * @param ridge the L2 penalty on the slopes (0 for none)
     * @return the intercept, then one slope per column
     * @throws IllegalArgumentException if the rows and outcomes differ in number or there is no row
     */
    public static double[] fit(double[][] x, boolean[] y, double ridge) {
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException(x.length + " rows and " + y.length + " outcomes");
        }
        int k = x[0].length + 1;
        double[] beta = new double[k];
        for (int iteration = 0; iteration < 100; iteration++) {
            double[][] h = new double[k][k];
            double[] g = new double[k];
            for (int i = 0; i < x.length; i++) {
                double eta = beta[0];
                for (int j = 1; j < k; j++) {
                    eta += beta[j] * x[i][j - 1];
                }
                double p = 1 / (1 + Math.exp(-eta));
                double w = Math.max(p * (1 - p), 1e-12);
                double r = (y[i] ? 1 : 0) - p;
                for (int a = 0; a < k; a++) {
                    double xa = a == 0 ? 1 : x[i][a - 1];
                    g[a] += xa * r;
                    for (int b = 0; b <= a; b++) {
                        h[a][b] += xa * (b == 0 ? 1 : x[i][b - 1]) * w;
                    }
                }
            }
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < a; b++) {
                    h[b][a] = h[a][b];
                }
                if (a > 0) {
                    h[a][a] += ridge;
                    g[a] -= ridge * beta[a];
                }
            }
            double[] step = solve(h, g);
            double largest = 0;
            for (int j = 0; j < k; j++) {
                beta[j] += step[j];
                largest = Math.max(largest, Math.abs(step[j]));
            }
            if (largest < 1e-10) {
                break;
            }
        }
        return beta;
    }

    /**
     * A fit on indicator features: each row names the features that are 1 (the others are 0), as one-hot
     * values and bands are. Newton's method with the step halved while the penalised log-likelihood does
     * not improve, so that a separable set with a ridge still converges to its finite optimum.
     *
     * @param rows     per row, the indices (0 to {@code features - 1}) of its features that are 1
     * @param features the number of features
     * @param y        the outcome of each row
     * @param ridge    the L2 penalty on the slopes, above 0 (an indicator no row has would be undefined without)
     * @return the intercept, then one slope per feature
     * @throws IllegalArgumentException if rows and outcomes differ in number, there is no row, the ridge is not
     *                                  positive, or an index is out of range
     */
    public static double[] fitIndicators(int[][] rows, int features, boolean[] y, double ridge) {
        if (rows.length != y.length || rows.length == 0) {
            throw new IllegalArgumentException(rows.length + " rows and " + y.length + " outcomes");
        }
        if (!(ridge > 0)) {
            throw new IllegalArgumentException("the ridge must be above 0, got " + ridge);
        }
        for (int[] r : rows) {
            for (int j : r) {
                if (j < 0 || j >= features) {
                    throw new IllegalArgumentException("feature " + j + " of " + features);
                }
            }
        }
        int k = features + 1;
        double[] beta = new double[k];
        double objective = objective(rows, y, ridge, beta);
        for (int iteration = 0; iteration < 100; iteration++) {
            double[][] h = new double[k][k];
            double[] g = new double[k];
            for (int i = 0; i < rows.length; i++) {
                double p = chance(beta, rows[i]);
                double w = Math.max(p * (1 - p), 1e-12);
                double r = (y[i] ? 1 : 0) - p;
                g[0] += r;
                h[0][0] += w;
                for (int a : rows[i]) {
                    g[a + 1] += r;
                    h[a + 1][0] += w;
                    h[0][a + 1] += w;
                    for (int b : rows[i]) {
                        h[a + 1][b + 1] += w;
                    }
                }
            }
            for (int a = 1; a < k; a++) {
                h[a][a] += ridge;
                g[a] -= ridge * beta[a];
            }
            double[] step = solve(h, g);
            double[] next = new double[k];
            double nextObjective = Double.NaN;
            for (double t = 1; t > 1e-6; t /= 2) {
                for (int j = 0; j < k; j++) {
                    next[j] = beta[j] + t * step[j];
                }
                nextObjective = objective(rows, y, ridge, next);
                if (nextObjective <= objective + 1e-12) {
                    break;
                }
            }
            double largest = 0;
            for (int j = 0; j < k; j++) {
                largest = Math.max(largest, Math.abs(next[j] - beta[j]));
            }
            beta = next;
            objective = nextObjective;
            if (largest < 1e-9) {
                break;
            }
        }
        return beta;
    }

    /** The chance the model gives a row: the logistic of the intercept plus its features' slopes. */
    public static double chance(double[] beta, int[] row) {
        double eta = beta[0];
        for (int j : row) {
            eta += beta[j + 1];
        }
        return 1 / (1 + Math.exp(-eta));
    }

    /** The negative log-likelihood plus the ridge's penalty: what the fit makes smallest. */
    private static double objective(int[][] rows, boolean[] y, double ridge, double[] beta) {
        double sum = 0;
        for (int i = 0; i < rows.length; i++) {
            double eta = beta[0];
            for (int j : rows[i]) {
                eta += beta[j + 1];
            }
            // log(1 + e^eta) - y eta, computed without overflow
            sum += Math.max(eta, 0) + Math.log1p(Math.exp(-Math.abs(eta))) - (y[i] ? eta : 0);
        }
        for (int j = 1; j < beta.length; j++) {
            sum += ridge / 2 * beta[j] * beta[j];
        }
        return sum;
    }

    /** Solves a x = b by Gaussian elimination with partial pivoting (a and b are overwritten). */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] row = a[c];
            a[c] = a[pivot];
            a[pivot] = row;
            double t = b[c];
            b[c] = b[pivot];
            b[pivot] = t;
            if (Math.abs(a[c][c]) < 1e-300) {
                throw new ArithmeticException("singular system: a column carries no information");
            }
            for (int r = c + 1; r < n; r++) {
                double f = a[r][c] / a[c][c];
                for (int j = c; j < n; j++) {
                    a[r][j] -= f * a[c][j];
                }
                b[r] -= f * b[c];
            }
        }
        double[] out = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int j = r + 1; j < n; j++) {
                s -= a[r][j] * out[j];
            }
            out[r] = s / a[r][r];
        }
        return out;
    }
}
