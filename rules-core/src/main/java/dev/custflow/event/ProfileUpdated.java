package dev.custflow.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.custflow.text.PersonalData;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Profile fields of a customer changed in the host (or an existing customer is imported: an update
 * for an unknown id creates the profile). Only the fields given are changed.
 *
 * @param id           event id
 * @param at           when
 * @param customerId   the customer
 * @param name         person's name
 * @param company      company
 * @param phone        phone
 * @param email        e-mail
 * @param region       region
 * @param city         city
 * @param industry     industry
 * @param companySize  employees
 * @param title        job title
 * @param birthday     date of birth
 * @param doNotEmail   opt-out of e-mail
 * @param doNotCall    opt-out of calls and SMS
 * @param referralCode referral code
 * @param attributes   other attributes (merged into the profile's)
 * @param timeZone     the customer's time zone (IANA id) for quiet hours
 */
public record ProfileUpdated(String id, Instant at, String customerId, String name, String company, String phone,
                             String email, String region, String city, String industry, Integer companySize,
                             String title, LocalDate birthday, Boolean doNotEmail, Boolean doNotCall,
                             String referralCode, Map<String, Object> attributes, String timeZone)
        implements Event {

    /** Validates the contract: id, at and customerId are required. */
    public ProfileUpdated {
        Check.envelope("ProfileUpdated", id, at);
        Check.date("ProfileUpdated", "birthday", birthday, true);
        Check.optionalId("ProfileUpdated", "referralCode", referralCode);
        Check.id("ProfileUpdated", "customerId", customerId);
        Check.notNegative("ProfileUpdated", "companySize", companySize);
        Check.zone("ProfileUpdated", "timeZone", timeZone);
        attributes = attributes == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /**
     * @param id         event id
     * @param at         when
     * @param customerId the customer
     * @param profile    the fields that changed (null fields are left as they are)
     * @return the event
     */
    public static ProfileUpdated of(String id, Instant at, String customerId, ProfileFields profile) {
        return new ProfileUpdated(id, at, customerId, profile.name(), profile.company(), profile.phone(),
                profile.email(), profile.region(), profile.city(), profile.industry(), profile.companySize(),
                profile.title(), profile.birthday(), profile.doNotEmail(), profile.doNotCall(),
                profile.referralCode(), profile.attributes(), profile.timeZone());
    }

    @Override
    public String subjectId() {
        return customerId;
    }

    /** @return the profile fields this update carries */
    @JsonIgnore
    public ProfileFields profile() {
        return new ProfileFields(name, company, phone, email, region, city, industry, companySize, title, birthday,
                doNotEmail, doNotCall, referralCode, attributes, timeZone);
    }

    /** @return the record with its personal fields masked: a record's own toString would print them raw */
    @Override
    public String toString() {
        return PersonalData.toString(this);
    }
}
