package dev.custflow.settings;

/**
 * Advocacy and referral (docs/design/rules-catalog.md §11).
 *
 * @param promoterNps   a super user answered NPS at or above this (default 9) ...
 * @param maxComplaints ... with at most this many complaints (default 1) ...
 * @param complaintDays ... in this many days (default 365), and F and M in the top fifth (score 5)
 * @param reward        what a referrer is credited for a newcomer's first order (default "100 points")
 */
public record AdvocacySettings(int promoterNps, int maxComplaints, int complaintDays, String reward) {

    /** Validates the values. */
    public AdvocacySettings {
        InvalidSettingsException.range("advocacy.promoterNps", promoterNps, 0, 10);
        if (maxComplaints < 0) {
            throw new InvalidSettingsException("advocacy.maxComplaints", maxComplaints, "must not be negative");
        }
        InvalidSettingsException.positive("advocacy.complaintDays", complaintDays);
        reward = reward == null || reward.isBlank() ? "100 points" : reward;
    }

    /** @return the catalog defaults */
    public static AdvocacySettings ofDefaults() {
        return new AdvocacySettings(9, 1, 365, "100 points");
    }
}
