package dev.custflow.insights;

import java.util.Objects;

/**
 * Who is asking, and so what they may see (docs/kpis.md, "Scopes"). Every query of the {@link KpiBook} takes one;
 * there is no query without it.
 *
 * <ul>
 *   <li>{@link #rep(String)}: the customers the rep owns now, and the figures of facts that happened while the rep
 *       owned the customer.</li>
 *   <li>{@link #team(String)}: the customers owned now by a rep of the team, and the figures of facts that happened
 *       while the customer's owner was in the team.</li>
 *   <li>{@link #everything()}: a director sees all customers and all figures.</li>
 *   <li>{@link #partner(String)}: the customers the host shares with the partner now
 *       ({@link KpiBook#share}), and the figures of facts that happened while the customer was shared with it.</li>
 * </ul>
 *
 * <p>Kinds never mix: a rep whose id is also a team's name sees only their own customers under {@code rep}; an id
 * the book never heard of sees nothing. Personal data (name, phone, e-mail) in customer rows is masked unless the
 * scope is made {@link #withPersonalData()}.
 *
 * @param kind         whose view it is
 * @param id           the rep, team or partner id; {@code "*"} for everything
 * @param personalData true if customer rows show names, phones and e-mail addresses in full
 */
public record Scope(Kind kind, String id, boolean personalData) {

    /** Whose view a scope is. */
    public enum Kind {
        /** One rep's own customers. */
        REP,
        /** One team's customers. */
        TEAM,
        /** Everything: a director. */
        EVERYTHING,
        /** What the host shared with one partner. */
        PARTNER
    }

    /**
     * Checks the id: required and not blank for a rep, a team or a partner.
     *
     * @throws IllegalArgumentException if the id is missing or blank
     */
    public Scope {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.EVERYTHING) {
            id = "*";
        } else if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A " + kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " scope needs the " + kind.name().toLowerCase(java.util.Locale.ROOT) + "'s id; it was "
                    + (id == null ? "missing" : "blank") + ".");
        }
    }

    /**
     * @param repId the rep
     * @return the rep's own view, personal data masked
     * @throws IllegalArgumentException if the id is missing or blank
     */
    public static Scope rep(String repId) {
        return new Scope(Kind.REP, repId, false);
    }

    /**
     * @param team the team (as RepUpdated.team names it)
     * @return the team lead's view, personal data masked
     * @throws IllegalArgumentException if the team is missing or blank
     */
    public static Scope team(String team) {
        return new Scope(Kind.TEAM, team, false);
    }

    /** @return a director's view of everything, personal data masked */
    public static Scope everything() {
        return new Scope(Kind.EVERYTHING, "*", false);
    }

    /**
     * @param partnerId the partner (a distributor, an agency), as the host names it in {@link KpiBook#share}
     * @return what is shared with the partner, personal data masked
     * @throws IllegalArgumentException if the id is missing or blank
     */
    public static Scope partner(String partnerId) {
        return new Scope(Kind.PARTNER, partnerId, false);
    }

    /** @return the same scope, granted to see customers' names, phones and e-mail addresses in full */
    public Scope withPersonalData() {
        return new Scope(kind, id, true);
    }

    @Override
    public String toString() {
        return kind == Kind.EVERYTHING ? "everything" : kind.name().toLowerCase(java.util.Locale.ROOT) + " " + id;
    }
}
