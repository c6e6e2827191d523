package dev.custflow.insights.export;

import dev.custflow.model.CustomerProfile;
import dev.custflow.text.PersonalData;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One customer of the customer table ({@link BiSchema#CUSTOMERS}).
 *
 * @param customerId   the id
 * @param name         the name, masked unless personal data is granted
 * @param phone        the phone, masked unless granted
 * @param email        the e-mail, masked unless granted
 * @param stage        the lifecycle stage, or null
 * @param segment      the RFM segment, or null
 * @param rfm          the RFM digits, or null
 * @param channel      the first channel, or null
 * @param region       the region, or null
 * @param rep          the owning rep, or null
 * @param team         the rep's team, or null
 * @param leadScore    the lead score
 * @param orders       orders placed
 * @param monetary     their total
 * @param firstSeen    when the engine first saw the customer, or null
 * @param lastOrderAt  the last order, or null
 * @param openWarnings churn warnings open
 * @param lastNps      the last NPS answer, or null
 */
public record CustomerRow(String customerId, String name, String phone, String email, String stage, String segment,
                          String rfm, String channel, String region, String rep, String team, int leadScore,
                          int orders, double monetary, Instant firstSeen, Instant lastOrderAt, int openWarnings,
                          Integer lastNps) {
    /** Validates the id. */
    public CustomerRow {
        Objects.requireNonNull(customerId, "customerId");
    }

    /**
     * @param profile      a customer's profile
     * @param team         the team of its rep, or null
     * @param personalData whether the scope grants personal data: if not, name, phone and e-mail are masked
     *                     ({@link PersonalData})
     * @return the customer's row
     */
    public static CustomerRow of(CustomerProfile profile, String team, boolean personalData) {
        return new CustomerRow(profile.id(),
                personalData ? profile.name() : PersonalData.name(profile.name()),
                personalData ? profile.phone() : PersonalData.phone(profile.phone()),
                personalData ? profile.email() : PersonalData.email(profile.email()),
                profile.stage() == null ? null : profile.stage().name(),
                profile.segment() == null ? null : profile.segment().name(), profile.rfm(), profile.channel(),
                profile.region(), profile.ownerId(), team, profile.score(), profile.orderCount(),
                profile.totalSpent() == null ? 0 : profile.totalSpent().doubleValue(), profile.createdAt(),
                profile.lastOrderAt(), profile.openWarnings().size(), profile.lastNps() < 0 ? null : profile.lastNps());
    }

    /** @return the values after the three columns every table starts with, in the order of the schema */
    List<Object> values() {
        return Arrays.asList(customerId, name, phone, email, stage, segment, rfm, channel, region, rep, team,
                (long) leadScore, (long) orders, monetary, firstSeen, lastOrderAt, (long) openWarnings,
                lastNps == null ? null : (long) lastNps);
    }
}
