package dev.custflow.insights.internal;

/**
 * Where a customer's facts are counted at one moment: the scopes that see them (everything, the owner, the
 * owner's team, the partners it is shared with) and the dimension values (overall, rep, team, channel, region).
 *
 * @param scopes  scope numbers, everything (0) first
 * @param values  dimension value numbers in the order of {@code Dimension}
 * @param version the book's attribution version it was computed at (a team change makes it stale)
 */
record Attribution(int[] scopes, int[] values, long version) {

    boolean sameAs(Attribution o) {
        return java.util.Arrays.equals(scopes, o.scopes) && java.util.Arrays.equals(values, o.values);
    }
}
