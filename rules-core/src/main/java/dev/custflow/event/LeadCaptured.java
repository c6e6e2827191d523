package dev.custflow.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.custflow.text.PersonalData;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A lead came in from a channel (web form, WeChat, ads, trade show, import...). The lead id stays
 * the customer id when the lead becomes a prospect and a customer.
 *
 * @param id           event id
 * @param at           when the lead was captured
 * @param leadId       the lead's (and later the customer's) id
 * @param channel      where it came from, e.g. WEBSITE, WECHAT, BAIDU_ADS, TRADE_SHOW, API, MANUAL, IMPORT
 * @param name         person's name
 * @param company      company name
 * @param phone        phone number as entered
 * @param email        e-mail address as entered
 * @param region       sales region
 * @param city         city
 * @param industry     industry
 * @param companySize  number of employees
 * @param title        job title
 * @param birthday     date of birth
 * @param doNotEmail   opt-out of e-mail
 * @param doNotCall    opt-out of calls and SMS
 * @param referralCode a referral code the lead arrived with
 * @param attributes   any other attributes, kept on the profile
 * @param timeZone     the customer's time zone (IANA id such as Asia/Shanghai) for quiet hours; default: settings
 */
public record LeadCaptured(String id, Instant at, String leadId, String channel, String name, String company,
                           String phone, String email, String region, String city, String industry,
                           Integer companySize, String title, LocalDate birthday, Boolean doNotEmail,
                           Boolean doNotCall, String referralCode, Map<String, Object> attributes,
                           String timeZone) implements Event {

    /** Validates the contract: id, at, leadId and channel are required; companySize is not negative. */
    public LeadCaptured {
        Check.envelope("LeadCaptured", id, at);
        Check.date("LeadCaptured", "birthday", birthday, true);
        Check.optionalId("LeadCaptured", "referralCode", referralCode);
        Check.id("LeadCaptured", "leadId", leadId);
        Check.text("LeadCaptured", "channel", channel);
        Check.notNegative("LeadCaptured", "companySize", companySize);
        Check.zone("LeadCaptured", "timeZone", timeZone);
        attributes = attributes == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /**
     * @param id      event id
     * @param at      when
     * @param leadId  the lead id
     * @param channel the channel
     * @return a builder for the optional fields
     */
    public static Builder builder(String id, Instant at, String leadId, String channel) {
        return new Builder(id, at, leadId, channel);
    }

    @Override
    public String subjectId() {
        return leadId;
    }

    /** @return the profile fields this lead carries */
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

    /** Builds a {@link LeadCaptured} with only the fields that matter to the caller. */
    public static final class Builder {
        private final String id;
        private final Instant at;
        private final String leadId;
        private final String channel;
        private String name;
        private String company;
        private String phone;
        private String email;
        private String region;
        private String city;
        private String industry;
        private Integer companySize;
        private String title;
        private LocalDate birthday;
        private Boolean doNotEmail;
        private Boolean doNotCall;
        private String referralCode;
        private Map<String, Object> attributes;
        private String timeZone;

        private Builder(String id, Instant at, String leadId, String channel) {
            this.id = id;
            this.at = at;
            this.leadId = leadId;
            this.channel = channel;
        }

        /** @param v person's name @return this */
        public Builder name(String v) { this.name = v; return this; }
        /** @param v company @return this */
        public Builder company(String v) { this.company = v; return this; }
        /** @param v phone @return this */
        public Builder phone(String v) { this.phone = v; return this; }
        /** @param v e-mail @return this */
        public Builder email(String v) { this.email = v; return this; }
        /** @param v region @return this */
        public Builder region(String v) { this.region = v; return this; }
        /** @param v city @return this */
        public Builder city(String v) { this.city = v; return this; }
        /** @param v industry @return this */
        public Builder industry(String v) { this.industry = v; return this; }
        /** @param v employees @return this */
        public Builder companySize(Integer v) { this.companySize = v; return this; }
        /** @param v job title @return this */
        public Builder title(String v) { this.title = v; return this; }
        /** @param v birthday @return this */
        public Builder birthday(LocalDate v) { this.birthday = v; return this; }
        /** @param v opt-out of e-mail @return this */
        public Builder doNotEmail(Boolean v) { this.doNotEmail = v; return this; }
        /** @param v opt-out of calls @return this */
        public Builder doNotCall(Boolean v) { this.doNotCall = v; return this; }
        /** @param v referral code @return this */
        public Builder referralCode(String v) { this.referralCode = v; return this; }
        /** @param v other attributes @return this */
        public Builder attributes(Map<String, Object> v) { this.attributes = v; return this; }
        /** @param v time zone (IANA id) @return this */
        public Builder timeZone(String v) { this.timeZone = v; return this; }

        /** @return the validated event */
        public LeadCaptured build() {
            return new LeadCaptured(id, at, leadId, channel, name, company, phone, email, region, city, industry,
                    companySize, title, birthday, doNotEmail, doNotCall, referralCode, attributes, timeZone);
        }
    }
}
