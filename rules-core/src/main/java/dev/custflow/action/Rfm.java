package dev.custflow.action;

/**
 * Recency, frequency and monetary scores, each 1 (worst) to 5 (best).
 *
 * @param r recency score
 * @param f frequency score
 * @param m monetary score
 */
public record Rfm(int r, int f, int m) {
}
