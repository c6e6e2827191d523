package dev.custflow.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who a {@link Customer} is and how to reach them: identity, the engine's clock, contact data, firmographics,
 * consent, host attributes and the calendar around them. Rules match and read {@code Customer}, which inherits all
 * of this; the read model is split by facet only so that each part stays small enough to read.
 *
 * <p>Only the engine creates customers (its subclass writes the state these getters read); nothing here changes a
 * profile.
 */
public abstract class CustomerContact {
    /** Bits of {@link #flags}. */
    protected static final byte DO_NOT_EMAIL = 1;
    protected static final byte DO_NOT_CALL = 2;
    protected static final byte REP_ENGAGED = 4;
    protected static final byte BUDGET = 8;
    protected static final byte AUTHORITY = 16;
    protected static final byte NEED = 32;
    protected static final byte TIMELINE = 64;

    protected final String id;
    protected final long createdAt;
    /** The engine's clock while rules run; the reference of every "days since". */
    protected long now;

    protected String name;
    protected String company;
    /** Canonical and valid only (ContactData.phone); an unusable value is in {@link #getInvalidContacts()}. */
    protected String phone;
    /** Lower case and valid only (ContactData.email). */
    protected String email;
    /**
     * Fields many profiles leave empty (company and account key, invalid contact data, referral code, own time zone,
     * the other phones and e-mails of merged duplicates),
     * together in one object allocated only when one of them is set: every reference in this class costs
     * 4 bytes for each of a million customers.
     */
    protected Rare rare;
    protected String region;
    protected String city;
    protected String industry;
    protected String title;
    protected String channel;
    protected int companySize = -1;
    protected int birthdayDay = Integer.MIN_VALUE;
    /** Opt-outs, rep engagement and BANT confirmations, one bit each. */
    protected byte flags;
    protected Map<String, String> attributes;
    protected Outreach outreach;

    /**
     * Creates an empty profile. Only the engine creates profiles, when it first sees a customer id.
     *
     * @param id        the customer (or lead) id
     * @param createdAt when the engine first saw it, epoch millis
     */
    protected CustomerContact(String id, long createdAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.createdAt = createdAt;
        this.now = createdAt;
    }

    // ---------------------------------------------------------------- clock

    /** @return the engine's clock at which the rules see this customer */
    public Instant getNow() {
        return Instant.ofEpochMilli(now);
    }

    /** @return the engine's clock in epoch millis */
    public long getNowMillis() {
        return now;
    }

    // ---------------------------------------------------------------- identity and contact

    /** @return the customer id (a lead keeps its id when it becomes a customer) */
    public String getId() {
        return id;
    }

    /** @return when the engine first saw this customer */
    public Instant getCreatedAt() {
        return Instant.ofEpochMilli(createdAt);
    }

    /** @return whole days since the engine first saw this customer */
    public int getDaysSinceCreated() {
        return Times.daysBetween(createdAt, now);
    }

    /**
     * @param everyDays a period in days
     * @return whole periods since the engine first saw this customer ({@code daysSinceCreated / everyDays} in whole
     *         numbers). Rules use this rather than dividing in a condition: a condition is interpreted by MVEL until
     *         Drools compiles it, and MVEL divides whole numbers into fractions (8 / 7 = 1.14...), so the same
     *         condition would give different answers before and after compilation.
     */
    public int periodsSinceCreated(int everyDays) {
        return getDaysSinceCreated() / everyDays;
    }

    /**
     * @param days a number of days
     * @return the instant {@code days} after the engine first saw this customer
     */
    public Instant daysAfterCreated(int days) {
        return Instant.ofEpochMilli(createdAt + days * Times.DAY_MILLIS);
    }

    /** @return the person's name, or null */
    public String getName() {
        return name;
    }

    /** @return the company name, cleaned (full-width to half-width, spaces collapsed), or null */
    public String getCompany() {
        return company;
    }

    /**
     * @return the company name as a de-duplication key: case-folded, without punctuation, spaces and legal
     *         suffixes ("上海精工机械有限公司" and "上海精工机械公司" are both {@code 上海精工机械}; "Acme Trading Co., Ltd."
     *         is {@code acmetrading}), or null without a company name; see {@link ContactData#companyKey}
     */
    public String getCompanyKey() {
        return rare == null ? null : rare.companyKey;
    }

    /**
     * @return the account the customer belongs to: the company name as an account key, one key for the ways people
     *         write one company ("华为", "华为技术有限公司" and "深圳市华为技术有限公司" are all {@code 华为}; legal forms,
     *         trade words such as 科技 or 技术, and the city of a registered name left out; docs/fact-model.md,
     *         "Accounts"), or null without a company name. Contacts with the same key are listed under one account;
     *         they stay separate people.
     */
    public String getAccountKey() {
        return rare == null ? null : rare.accountKey;
    }

    /**
     * @return the other valid phone numbers this person is known by, oldest first: those the duplicates merged into
     *         this profile brought when it had a number already (canonical form, never the same as
     *         {@link #getPhone()}); empty when there are none
     */
    public List<String> getOtherPhones() {
        return rare == null || rare.otherPhones == null ? List.of() : List.of(rare.otherPhones);
    }

    /**
     * @return the other valid e-mail addresses this person is known by, oldest first (see {@link #getOtherPhones()})
     */
    public List<String> getOtherEmails() {
        return rare == null || rare.otherEmails == null ? List.of() : List.of(rare.otherEmails);
    }

    /**
     * @return the phone number in canonical form ({@code +8613812345678}, {@code +86-21-12345678}), or null when
     *         none was given or the one given is invalid (then it is in {@link #getInvalidContacts()})
     */
    public String getPhone() {
        return phone;
    }

    /**
     * @return the e-mail address in lower case, or null when none was given or the one given is invalid (then it
     *         is in {@link #getInvalidContacts()})
     */
    public String getEmail() {
        return email;
    }

    /**
     * @return the phone number and e-mail address the host sent that could not be used, as entered and with the
     *         reason; a field appears here only while it has no valid value
     */
    public List<InvalidContact> getInvalidContacts() {
        return rare == null || rare.invalidContacts == null ? List.of() : List.of(rare.invalidContacts);
    }

    /** @return true if a phone number or e-mail address was sent that could not be used */
    public boolean isHasInvalidContact() {
        return rare != null && rare.invalidContacts != null;
    }

    /**
     * @param field {@code phone} or {@code email}
     * @return the unusable value sent for it, or null
     */
    public InvalidContact invalidContact(String field) {
        if (rare != null && rare.invalidContacts != null) {
            for (InvalidContact ic : rare.invalidContacts) {
                if (ic.field().equals(field)) {
                    return ic;
                }
            }
        }
        return null;
    }

    /**
     * What keeps the phone and e-mail channels closed, for reasons: each of the phone and the e-mail that is
     * missing ("no e-mail") or invalid, with the value masked ("phone '****45' is not a valid phone number
     * (...)"), joined by "; ".
     *
     * @return e.g. {@code phone '****45' is not a valid phone number (...); no e-mail}; empty when both are valid
     */
    public String getContactGaps() {
        String p = phone == null ? gap("phone") : null;
        String e = email == null ? gap("email") : null;
        return p == null ? (e == null ? "" : e) : e == null ? p : p + "; " + e;
    }

    private String gap(String field) {
        InvalidContact bad = invalidContact(field);
        return bad != null ? bad.describe() : "no " + InvalidContact.label(field);
    }

    /** @return the sales region, or null */
    public String getRegion() {
        return region;
    }

    /** @return the city, or null */
    public String getCity() {
        return city;
    }

    /** @return the industry, or null */
    public String getIndustry() {
        return industry;
    }

    /** @return the job title, or null */
    public String getTitle() {
        return title;
    }

    /** @return the number of employees, or -1 when unknown */
    public int getCompanySize() {
        return companySize;
    }

    /**
     * @return every capture of this person as a lead, oldest first: the first one (the profile's channel and
     *         creation time) and each later one, including the captures of duplicates merged into this profile
     *         (docs/design/rules-catalog.md §2: every channel touch is kept); empty if it never came in as a lead
     */
    public List<ChannelTouch> getChannelTouches() {
        if (channel == null) {
            return List.of();
        }
        List<ChannelTouch> all = new ArrayList<>();
        all.add(new ChannelTouch(channel, getCreatedAt(), id));
        if (rare != null && rare.touches != null) {
            all.addAll(Arrays.asList(rare.touches));
        }
        all.sort(java.util.Comparator.comparing(ChannelTouch::at));
        return List.copyOf(all);
    }

    /** @return the channel the customer first came from (WEBSITE, WECHAT...), or null */
    public String getChannel() {
        return channel;
    }

    /** @return the referral code the customer arrived with, or null */
    public String getReferralCode() {
        return rare == null ? null : rare.referralCode;
    }

    /** @return the date of birth, or null */
    public LocalDate getBirthday() {
        return birthdayDay == Integer.MIN_VALUE ? null : LocalDate.ofEpochDay(birthdayDay);
    }

    /** @return true if the customer opted out of e-mail */
    public boolean isDoNotEmail() {
        return (flags & DO_NOT_EMAIL) != 0;
    }

    /** @return true if the customer opted out of calls and SMS */
    public boolean isDoNotCall() {
        return (flags & DO_NOT_CALL) != 0;
    }

    /**
     * @param c a channel
     * @return true if the customer may not be messaged on it: doNotEmail for EMAIL, doNotCall for CALL
     *         and SMS, or an opt-out of that channel (ConsentChanged)
     */
    public boolean isOptedOut(Channel c) {
        boolean flag = switch (c) {
            case EMAIL -> isDoNotEmail();
            case CALL, SMS -> isDoNotCall();
            case WECHAT -> false;
        };
        return flag || outreach != null && outreach.isOptedOut(c);
    }

    /** @return the customer's own time zone, or null to use the business's (settings.timeZone) */
    public ZoneId getTimeZone() {
        return rare == null ? null : rare.timeZone;
    }

    /**
     * @param key an attribute name the host sent
     * @return its value as text, or null
     */
    public String attribute(String key) {
        return attributes == null ? null : attributes.get(key);
    }

    /** @return every host attribute, read-only */
    public Map<String, String> getAttributes() {
        return attributes == null ? Map.of() : Collections.unmodifiableMap(attributes);
    }

    // ---------------------------------------------------------------- referrals

    /**
     * @return this customer's own referral code, the same every time: "R-" and the id in base 32
     *         (so the engine knows the referrer from the code without an index)
     */
    public String getOwnReferralCode() {
        return ReferralCodes.of(id);
    }

    /**
     * @param code a referral code
     * @return true if it is one of the engine's own codes ({@link #getOwnReferralCode()}), which names its customer
     *         without being issued; false for any other text, a host's code among them
     */
    public static boolean isOwnReferralCode(String code) {
        return code != null && ReferralCodes.referrer(code) != null;
    }

    /**
     * @return the id of the customer whose referral code this customer arrived with, or null when it
     *         came without one or the code is not a referral code: a code the host issued
     *         (ReferralCodeIssued) names its customer, an engine code ({@link #getOwnReferralCode()}) names
     *         itself
     */
    public String getReferrerId() {
        if (rare != null && rare.referrerId != null) {
            return rare.referrerId;
        }
        return getReferralCode() == null ? null : ReferralCodes.referrer(getReferralCode());
    }

    // ---------------------------------------------------------------- reaching the customer

    /** @return true if the profile has some way to reach the customer: an e-mail, a phone, or WeChat */
    public boolean isContactable() {
        return firstReachable(ALL_CHANNELS) != null;
    }

    private static final List<Channel> ALL_CHANNELS = List.of(Channel.values());

    /**
     * @param preferred channels in order of preference
     * @return the first one the profile has contact data for (EMAIL: an e-mail address; SMS and CALL: a
     *         phone; WECHAT: a lead from WeChat or a {@code wechat} attribute), or null; opt-outs are left to
     *         the policy gate, which records what it suppresses
     */
    public Channel firstReachable(List<Channel> preferred) {
        for (Channel ch : preferred) {
            boolean reachable = switch (ch) {
                case EMAIL -> email != null;
                case SMS, CALL -> phone != null;
                case WECHAT -> "WECHAT".equalsIgnoreCase(channel) || attribute("wechat") != null;
            };
            if (reachable) {
                return ch;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- calendar

    /**
     * @param zone the business's time zone
     * @return today's date there, at the engine's clock
     */
    public LocalDate today(ZoneId zone) {
        return Instant.ofEpochMilli(now).atZone(zone).toLocalDate();
    }

    /**
     * @param zone the business's time zone
     * @return true if today is the customer's birthday (29 February is celebrated on 28 February in other years)
     */
    public boolean isBirthdayToday(ZoneId zone) {
        LocalDate b = getBirthday();
        return b != null && birthdayIn(b, today(zone).getYear()).equals(today(zone));
    }

    /**
     * @param zone the business's time zone
     * @return the start of the customer's next birthday after the engine's clock, or null without a birthday
     */
    public Instant nextBirthday(ZoneId zone) {
        LocalDate b = getBirthday();
        if (b == null) {
            return null;
        }
        LocalDate today = today(zone);
        LocalDate next = birthdayIn(b, today.getYear());
        if (!next.isAfter(today)) {
            next = birthdayIn(b, today.getYear() + 1);
        }
        return next.atStartOfDay(zone).toInstant();
    }

    private static LocalDate birthdayIn(LocalDate birthday, int year) {
        // withYear moves 29 February to 28 February in a year that has none
        return birthday.withYear(year);
    }

    /**
     * @param date a calendar date
     * @param zone the business's time zone
     * @return whole days from today to that date (negative when it is past)
     */
    public long daysUntil(LocalDate date, ZoneId zone) {
        return java.time.temporal.ChronoUnit.DAYS.between(today(zone), date);
    }

    /**
     * @param date a calendar date
     * @param days days before it
     * @param zone the business's time zone
     * @return the start of the day {@code days} before {@code date}
     */
    public Instant startOfDayBefore(LocalDate date, int days, ZoneId zone) {
        return date.minusDays(days).atStartOfDay(zone).toInstant();
    }

    /**
     * @param instant an instant, e.g. when a ticket was opened
     * @return whole hours from it to the engine's clock
     */
    public long hoursSince(Instant instant) {
        return Math.floorDiv(now - instant.toEpochMilli(), 3_600_000L);
    }

    // ---------------------------------------------------------------- the policy gate

    /**
     * @param sinceMillis a start instant
     * @return marketing messages sent (or held to be sent) after it
     */
    public int marketingSentSince(long sinceMillis) {
        return outreach == null ? 0 : outreach.marketingSince(Times.minute(sinceMillis));
    }

    /** @return when the first held message may go out, or Long.MAX_VALUE */
    public long nextRelease() {
        return outreach == null ? Long.MAX_VALUE : outreach.nextRelease();
    }

    /** @return how many messages are held for quiet hours */
    public int getHeldMessages() {
        return outreach == null ? 0 : outreach.heldCount();
    }

    /** See {@link #rare}. Written by the engine only. */
    protected static final class Rare {
        public String companyKey;
        public InvalidContact[] invalidContacts;
        public String referralCode;
        /** The customer a host-issued referral code names (ReferralCodeIssued), resolved when the code came. */
        public String referrerId;
        public ZoneId timeZone;
        /** Captures after the first (repeated, or of duplicates merged in), oldest first. */
        public ChannelTouch[] touches;
        /** See {@link #getAccountKey()}. */
        public String accountKey;
        /** See {@link #getOtherPhones()} and {@link #getOtherEmails()}. */
        public String[] otherPhones;
        public String[] otherEmails;

        /** Allocated by the engine when a profile first needs one of these fields. */
        public Rare() {
        }
    }
}
