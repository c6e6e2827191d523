package dev.custflow.model;

import dev.custflow.action.Channel;
import dev.custflow.action.Level;
import dev.custflow.action.MessageRequested;
import dev.custflow.event.BantUpdated;
import dev.custflow.event.ConsentChanged;
import dev.custflow.event.ContractSigned;
import dev.custflow.event.Event;
import dev.custflow.event.InteractionLogged;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.OpportunityClosed;
import dev.custflow.event.OrderPlaced;
import dev.custflow.event.OrderStatusChanged;
import dev.custflow.event.PaymentReceived;
import dev.custflow.event.ProfileFields;
import dev.custflow.event.ProfileUpdated;
import dev.custflow.event.SurveyAnswered;
import dev.custflow.event.TicketOpened;
import dev.custflow.event.TicketResolved;
import java.math.BigDecimal;
import org.kie.api.definition.type.ClassReactive;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One customer's profile (一客一档): contact data, firmographics, lifecycle stage and its history,
 * score, owner, tags, opt-outs, and a compact history of orders, tickets, surveys and interactions.
 * This is the fact the rules reason about.
 *
 * <h2>For rule authors</h2>
 * Read it through its getters ({@code stage}, {@code orderCount}, {@code daysSinceLastOrder},
 * {@code complaintsWithinDays(90)}...). Every "days since" and "within days" is measured against
 * the engine's clock at the moment the rules run ({@link #getNow()}), never the wall clock. Change
 * a customer only through the {@code actions} global (a stage change, a tag, a score): actions are
 * what the host sees and what the audit trail records.
 *
 * <h2>Memory</h2>
 * Histories are folded into primitive arrays (epoch minutes and cents) and rolling windows, and
 * rarely used parts are allocated on first use, so a typical customer stays well under 1 KB.
 * Strings drawn from small vocabularies (region, industry, channel, tags, rule names) are interned.
 *
 * <p>Class-reactive: the engine inserts a customer for one evaluation and removes it afterwards,
 * and rules never {@code modify} it, so property reactivity would buy nothing (and Drools warns
 * about constraints that read the {@code settings} global).
 */
@ClassReactive
public final class Customer {
    /** Orders kept in the detailed history; counts and totals stay exact beyond it. */
    static final int ORDER_HISTORY_LIMIT = 128;
    /** Interactions kept for windowed counts. */
    static final int INTERACTION_HISTORY_LIMIT = 64;
    /** Complaints and returns older than this leave the rolling windows. */
    static final int WINDOW_KEEP_DAYS = 400;
    /** An open order that has not moved for this long stops being tracked. */
    static final int ORDER_TRACKING_DAYS = 180;

    /** Customers share ZoneId instances: a few zones serve millions of profiles. */
    private static final java.util.concurrent.ConcurrentMap<String, ZoneId> ZONES =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final byte DO_NOT_EMAIL = 1;
    private static final byte DO_NOT_CALL = 2;
    private static final byte REP_ENGAGED = 4;
    private static final byte BUDGET = 8;
    private static final byte AUTHORITY = 16;
    private static final byte NEED = 32;
    private static final byte TIMELINE = 64;

    private final String id;
    private final long createdAt;
    /** The engine's clock while rules run; the reference of every "days since". */
    private long now;
    /** Engine bookkeeping: when the due-time index must wake this customer, and its slot there. */
    private long dueAt = Long.MAX_VALUE;
    private int indexSlot = -1;

    private String name;
    private String company;
    /** Canonical and valid only (ContactData.phone); an unusable value is in {@link #getInvalidContacts()}. */
    private String phone;
    /** Lower case and valid only (ContactData.email). */
    private String email;
    /**
     * Fields many profiles leave empty (company key, invalid contact data, referral code, own time zone),
     * together in one object allocated only when one of them is set: every reference in this class costs
     * 4 bytes for each of a million customers.
     */
    private Rare rare;
    private String region;
    private String city;
    private String industry;
    private String title;
    private String channel;
    private int companySize = -1;
    private int birthdayDay = Integer.MIN_VALUE;
    private byte flags;
    private Map<String, String> attributes;

    private Stage stage;
    private long stageSince = Times.NEVER;
    /** Stage history: (from.ordinal+1) << 8 | (to.ordinal+1), parallel to {@link #histAt} and {@link #histRule}. */
    private short[] histStages;
    private long[] histAt;
    private String[] histRule;

    private int score;
    private String grade;
    private String ownerId;
    /** Counted in the owner's open leads by the assignment desk (engine bookkeeping). */
    private boolean loadCounted;
    private String[] tags;

    private Orders orders;
    private Service service;
    private Engagement engagement;
    private Outreach outreach;
    private Warnings warnings;
    private Products products;
    private Notes notes;
    /** RFM scores 1-5, 0 until scored; the segment the rules gave. */
    private byte rfmR;
    private byte rfmF;
    private byte rfmM;
    private Segment segment;
    private Sales sales;
    /** Lead-scoring behaviour points, allocated when first earned. */
    private Behaviour behaviour;

    private byte lastNps = -1;
    private byte lastCsat = -1;
    private Review lastReview;
    private long lastSurveyAt = Times.NEVER;

    /**
     * Creates an empty profile. The engine creates profiles when it first sees a customer id.
     *
     * @param id        the customer (or lead) id
     * @param createdAt when the engine first saw it
     */
    public Customer(String id, Instant createdAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.createdAt = createdAt.toEpochMilli();
        this.now = this.createdAt;
    }

    // ---------------------------------------------------------------- clock

    /**
     * Sets the engine's clock for the next rule evaluation. Engine use only.
     *
     * @param instant the engine's clock
     */
    public void setNow(Instant instant) {
        this.now = instant.toEpochMilli();
    }

    /** Engine use only: the clock in epoch millis, without allocating. @param millis epoch millis */
    public void setNowMillis(long millis) {
        this.now = millis;
    }

    /** Engine use only. @return when the due-time index wakes this customer (epoch millis; MAX_VALUE for never) */
    public long dueAt() {
        return dueAt;
    }

    /** Engine use only. @param millis when the due-time index wakes this customer */
    public void dueAt(long millis) {
        this.dueAt = millis;
    }

    /** Engine use only. @return this customer's slot in its partition's due-time index, or -1 */
    public int indexSlot() {
        return indexSlot;
    }

    /** Engine use only. @param slot the slot in the due-time index, or -1 */
    public void indexSlot(int slot) {
        this.indexSlot = slot;
    }

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
     * missing ("no e-mail") or invalid ("phone '12345' is not a valid phone number (...)"), joined by "; ".
     *
     * @return e.g. {@code phone '12345' is not a valid phone number (...); no e-mail}; empty when both are valid
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
     *         (RULES-CATALOG.md §2: every channel touch is kept); empty if it never came in as a lead
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

    private void touch(ChannelTouch t) {
        Rare r = rare();
        r.touches = r.touches == null ? new ChannelTouch[] {t} : Arrays.copyOf(r.touches, r.touches.length + 1);
        r.touches[r.touches.length - 1] = t;
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

    // ---------------------------------------------------------------- lifecycle

    /** @return the lifecycle stage, or null when the profile has no lifecycle evidence yet */
    public Stage getStage() {
        return stage;
    }

    /** @return when the customer entered its current stage, or null without a stage */
    public Instant getStageSince() {
        return Times.instant(stageSince);
    }

    /** @return whole days in the current stage (0 without a stage) */
    public int getDaysInStage() {
        return stageSince == Times.NEVER ? 0 : Times.daysBetween(stageSince, now);
    }

    /** @return every stage change, oldest first */
    public List<StageChange> getStageHistory() {
        if (histStages == null) {
            return List.of();
        }
        List<StageChange> out = new ArrayList<>(histStages.length);
        for (int i = 0; i < histStages.length; i++) {
            out.add(new StageChange(stageOf(histStages[i] >> 8), stageOf(histStages[i] & 0xFF),
                    Instant.ofEpochMilli(histAt[i]), histRule[i]));
        }
        return out;
    }

    /**
     * @param s a stage
     * @return true if the customer has ever been in that stage
     */
    public boolean hasBeen(Stage s) {
        if (histStages == null) {
            return false;
        }
        for (short h : histStages) {
            if ((h & 0xFF) == s.ordinal() + 1) {
                return true;
            }
        }
        return false;
    }

    private static Stage stageOf(int code) {
        return code == 0 ? null : Stage.values()[code - 1];
    }

    /**
     * Moves the customer to another stage and records it in the history. Rules call
     * {@code actions.changeStage(...)}, which calls this and emits STAGE_CHANGED.
     *
     * @param to   the new stage
     * @param at   when
     * @param rule the rule that decided it
     */
    public void moveTo(Stage to, Instant at, String rule) {
        Objects.requireNonNull(to, "to");
        int n = histStages == null ? 0 : histStages.length;
        histStages = histStages == null ? new short[1] : Arrays.copyOf(histStages, n + 1);
        histAt = histAt == null ? new long[1] : Arrays.copyOf(histAt, n + 1);
        histRule = histRule == null ? new String[1] : Arrays.copyOf(histRule, n + 1);
        histStages[n] = (short) (((stage == null ? 0 : stage.ordinal() + 1) << 8) | (to.ordinal() + 1));
        histAt[n] = at.toEpochMilli();
        histRule[n] = rule == null ? null : rule.intern();
        stage = to;
        stageSince = at.toEpochMilli();
    }

    // ---------------------------------------------------------------- score, owner, tags

    /** @return the lead score (fit + behaviour), 0 until scored */
    public int getScore() {
        return score;
    }

    /** @return the grade A-D, or null until scored */
    public String getGrade() {
        return grade;
    }

    /**
     * Sets score and grade. Rules call the scoring actions, which call this.
     *
     * @param newScore the score
     * @param newGrade the grade
     */
    public void setScore(int newScore, String newGrade) {
        this.score = newScore;
        this.grade = newGrade == null ? null : newGrade.intern();
    }

    /** @return the owning rep's id, or null while unassigned */
    public String getOwnerId() {
        return ownerId;
    }

    /**
     * Sets the owner. Rules call the assignment actions, which call this.
     *
     * @param repId the rep, or null to unassign
     */
    public void setOwnerId(String repId) {
        this.ownerId = repId == null ? null : repId.intern();
    }

    /** Engine use only. @return true while this lead counts toward its owner's open-lead load */
    public boolean isLoadCounted() {
        return loadCounted;
    }

    /** Engine use only. @param counted whether this lead counts toward its owner's open-lead load */
    public void setLoadCounted(boolean counted) {
        this.loadCounted = counted;
    }

    /**
     * @param tag a tag
     * @return true if the customer carries it
     */
    public boolean hasTag(String tag) {
        if (tags == null) {
            return false;
        }
        for (String t : tags) {
            if (t.equals(tag)) {
                return true;
            }
        }
        return false;
    }

    /** @return the tags, sorted */
    public Set<String> getTags() {
        return tags == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(Arrays.asList(tags)));
    }

    /**
     * Adds a tag. Rules call {@code actions.addTag(...)}, which calls this.
     *
     * @param tag the tag
     * @return true if it was not there
     */
    public boolean addTag(String tag) {
        if (hasTag(tag)) {
            return false;
        }
        tags = tags == null ? new String[1] : Arrays.copyOf(tags, tags.length + 1);
        tags[tags.length - 1] = tag.intern();
        return true;
    }

    /**
     * Removes a tag. Rules call {@code actions.removeTag(...)}, which calls this.
     *
     * @param tag the tag
     * @return true if it was there
     */
    public boolean removeTag(String tag) {
        if (!hasTag(tag)) {
            return false;
        }
        String[] rest = Arrays.stream(tags).filter(t -> !t.equals(tag)).toArray(String[]::new);
        tags = rest.length == 0 ? null : rest;
        return true;
    }

    // ---------------------------------------------------------------- orders

    /** @return true if the customer has placed at least one order */
    public boolean isHasOrdered() {
        return orders != null && orders.count > 0;
    }

    /** @return the number of orders ever placed */
    public int getOrderCount() {
        return orders == null ? 0 : orders.count;
    }

    /** @return the total of all orders ever placed */
    public BigDecimal getTotalSpent() {
        return Money.of(orders == null ? 0 : orders.totalCents);
    }

    /** @return the total of all orders in cents */
    public long getTotalSpentCents() {
        return orders == null ? 0 : orders.totalCents;
    }

    /** @return when the last order was placed, or null */
    public Instant getLastOrderAt() {
        return orders == null ? null : Instant.ofEpochMilli(orders.lastAt);
    }

    /** @return when the first order was placed, or null */
    public Instant getFirstOrderAt() {
        return orders == null ? null : Instant.ofEpochMilli(orders.firstAt);
    }

    /**
     * Whole days since the last order; for a customer who never ordered, days since the profile was
     * created (so "no order for N days" also covers a customer won by contract who never ordered).
     *
     * @return days without an order
     */
    public int getDaysSinceLastOrder() {
        return Times.daysBetween(orders == null ? createdAt : orders.lastAt, now);
    }

    /**
     * @param days a number of days
     * @return the instant {@code days} after the engine first saw this customer
     */
    public Instant daysAfterCreated(int days) {
        return Instant.ofEpochMilli(createdAt + days * Times.DAY_MILLIS);
    }

    /**
     * @param days the window
     * @return the instant {@code days} after the last order (or after creation when there was none):
     *         when "no order for {@code days} days" becomes true
     */
    public Instant daysAfterLastOrder(int days) {
        return Instant.ofEpochMilli((orders == null ? createdAt : orders.lastAt) + days * Times.DAY_MILLIS);
    }

    /**
     * @param days the window
     * @return orders placed in the last {@code days} days
     */
    public int ordersWithinDays(int days) {
        return orders == null ? 0 : orders.countSince(Times.minute(now - days * Times.DAY_MILLIS));
    }

    /**
     * @param days the window
     * @return the total amount of orders placed in the last {@code days} days
     */
    public BigDecimal spentWithinDays(int days) {
        return Money.of(orders == null ? 0 : orders.sumSince(Times.minute(now - days * Times.DAY_MILLIS)));
    }

    /** @return the amount of the last order, or 0 */
    public BigDecimal getLastOrderAmount() {
        return Money.of(orders == null ? 0 : orders.amountFromEnd(0));
    }

    /**
     * @param fromEnd 0 for the last order, 1 for the one before...
     * @return that order's amount, or null when the history is shorter
     */
    public BigDecimal orderAmountFromEnd(int fromEnd) {
        if (orders == null || fromEnd >= orders.cents.size()) {
            return null;
        }
        return Money.of(orders.amountFromEnd(fromEnd));
    }

    /** @return the mean days between consecutive orders, or -1 with fewer than 2 orders in the history */
    public double getMeanOrderIntervalDays() {
        return orders == null ? -1 : orders.meanIntervalDays();
    }

    /** @return the median days between consecutive orders, or -1 with fewer than 2 orders in the history */
    public double getMedianOrderIntervalDays() {
        return orders == null ? -1 : orders.medianIntervalDays();
    }

    /** @return the orders still in fulfilment */
    public List<OpenOrder> getOpenOrders() {
        return orders == null || orders.open == null ? List.of() : Collections.unmodifiableList(orders.open);
    }

    /**
     * @param orderId an order id
     * @return the open order, or null
     */
    public OpenOrder openOrder(String orderId) {
        return orders == null ? null : orders.open(orderId);
    }

    /** @return when an order was last delivered, or null */
    public Instant getLastDeliveredAt() {
        return orders == null ? null : Times.instant(orders.lastDeliveredAt);
    }

    /** @return the number of orders returned */
    public int getOrdersReturned() {
        return orders == null ? 0 : orders.returned;
    }

    // ---------------------------------------------------------------- service

    /** @return the open service tickets */
    public List<OpenTicket> getOpenTickets() {
        return service == null || service.open == null ? List.of() : Collections.unmodifiableList(service.open);
    }

    /** @return true if a complaint ticket is open */
    public boolean isHasOpenComplaint() {
        return getOpenComplaints() > 0;
    }

    /** @return the number of open complaint tickets */
    public int getOpenComplaints() {
        if (service == null || service.open == null) {
            return 0;
        }
        int n = 0;
        for (OpenTicket t : service.open) {
            if (t.getKind() == TicketKind.COMPLAINT) {
                n++;
            }
        }
        return n;
    }

    /**
     * @param days the window
     * @return complaints opened in the last {@code days} days
     */
    public int complaintsWithinDays(int days) {
        return service == null ? 0 : Windows.countSince(service.complaints,
                Times.minute(now - days * Times.DAY_MILLIS));
    }

    /**
     * @param days the window
     * @return returns and exchanges (tickets or returned orders) in the last {@code days} days
     */
    public int returnsWithinDays(int days) {
        return service == null ? 0 : Windows.countSince(service.returns, Times.minute(now - days * Times.DAY_MILLIS));
    }

    /** @return tickets ever opened */
    public int getTicketCount() {
        return service == null ? 0 : service.opened;
    }

    /** @return tickets resolved at the first contact */
    public int getFirstContactResolutions() {
        return service == null ? 0 : service.firstContact;
    }

    /** @return tickets resolved */
    public int getTicketsResolved() {
        return service == null ? 0 : service.resolved;
    }

    // ---------------------------------------------------------------- surveys

    /** @return the last NPS answer 0-10, or -1 when never asked */
    public int getLastNps() {
        return lastNps;
    }

    /** @return the last CSAT answer 1-5, or -1 when never asked */
    public int getLastCsat() {
        return lastCsat;
    }

    /** @return the last after-sales review, or null */
    public Review getLastReview() {
        return lastReview;
    }

    /** @return when the last survey was answered, or null */
    public Instant getLastSurveyAt() {
        return Times.instant(lastSurveyAt);
    }

    /** @return whole days since the last survey answer, or -1 when never */
    public int getDaysSinceLastSurvey() {
        return lastSurveyAt == Times.NEVER ? -1 : Times.daysBetween(lastSurveyAt, now);
    }

    // ---------------------------------------------------------------- engagement

    /** @return true once a rep has reached the customer (call, visit, meeting, chat, e-mail) */
    public boolean isRepEngaged() {
        return (flags & REP_ENGAGED) != 0;
    }

    /** @return when anything was last logged with the customer, or null */
    public Instant getLastInteractionAt() {
        return engagement == null ? null : Instant.ofEpochMilli(engagement.lastAt);
    }

    /** @return when a rep last reached the customer, or null */
    public Instant getLastRepContactAt() {
        return engagement == null ? null : Times.instant(engagement.lastRepContactAt);
    }

    /** @return whole days since any interaction; days since creation when there was none */
    public int getDaysSinceLastInteraction() {
        return Times.daysBetween(engagement == null ? createdAt : engagement.lastAt, now);
    }

    /** @return whole days since a rep last reached the customer; days since creation when never */
    public int getDaysSinceLastContact() {
        long last = engagement == null || engagement.lastRepContactAt == Times.NEVER ? createdAt
                : engagement.lastRepContactAt;
        return Times.daysBetween(last, now);
    }

    /**
     * @param days the window
     * @return interactions logged in the last {@code days} days
     */
    public int interactionsWithinDays(int days) {
        return engagement == null ? 0 : Windows.countSince(engagement.minutes,
                Times.minute(now - days * Times.DAY_MILLIS));
    }

    /** @return interactions ever logged */
    public int getInteractionCount() {
        return engagement == null ? 0 : engagement.count;
    }

    /**
     * @param weeks a number of weeks
     * @param min   interactions needed
     * @return true if at least {@code min} interactions were logged in the {@code weeks} weeks up to the last
     *         one: the customer used to be in regular contact
     */
    public boolean hadRegularContact(int weeks, int min) {
        return engagement != null && engagement.minutes.size() >= min && Windows.countSince(engagement.minutes,
                engagement.minutes.getLast() - weeks * 7 * Times.DAY_MINUTES) >= min;
    }

    /**
     * @param days a number of days
     * @return the instant {@code days} after the last interaction (or after creation when there was none)
     */
    public Instant daysAfterLastInteraction(int days) {
        return Instant.ofEpochMilli((engagement == null ? createdAt : engagement.lastAt) + days * Times.DAY_MILLIS);
    }

    // ---------------------------------------------------------------- lead scoring

    /**
     * @return true for a lead still to be won, the leads the scoring pack grades: captured from a channel,
     *         reachable, in stage LEAD or PROSPECT (or without a stage, when the lifecycle pack is off), and
     *         without an order, a won opportunity or a contract. Read from the facts, not only the stage, so
     *         it holds whatever order the rules of one evaluation fire in.
     */
    public boolean isOpenLead() {
        return channel != null && (stage == null || stage == Stage.LEAD || stage == Stage.PROSPECT)
                && !isHasOrdered() && getOpportunitiesWon() == 0 && getContracts().isEmpty() && isContactable();
    }

    /**
     * @param halfLifeDays the half-life of behaviour points
     * @return the behaviour points at the engine's clock in thousandths: the running total decayed from the
     *         minute it was last added to (0 when nothing was earned)
     */
    public long behaviourMilliAt(int halfLifeDays) {
        return behaviour == null ? 0 : behaviour.at(Times.minute(now), halfLifeDays * (long) Times.DAY_MINUTES);
    }

    /**
     * @param halfLifeDays the half-life of behaviour points
     * @return the behaviour points at the engine's clock, rounded half up to whole points
     */
    public int behaviourPoints(int halfLifeDays) {
        return (int) Math.min(Integer.MAX_VALUE, (behaviourMilliAt(halfLifeDays) + 500) / 1000);
    }

    /**
     * When decay alone brings the behaviour points down to {@code points}: the due time of a grade that
     * falls without anything happening.
     *
     * @param points       a number of behaviour points
     * @param halfLifeDays the half-life of behaviour points
     * @return the first minute at which {@link #behaviourPoints} is at most {@code points}, or null when it
     *         already is or never will be (negative {@code points})
     */
    public Instant behaviourFallsToAt(int points, int halfLifeDays) {
        if (points < 0 || behaviour == null) {
            return null;
        }
        long halfLife = halfLifeDays * (long) Times.DAY_MINUTES;
        long target = points * 1000L + 499; // the largest total that rounds to `points`
        int nowMinute = Times.minute(now);
        if (behaviour.at(nowMinute, halfLife) <= target) {
            return null;
        }
        long v = behaviour.milli;
        long earliest = (long) nowMinute - behaviour.minute + 1;
        // a first guess from the closed form, then stepped to the exact minute of the decay function itself
        double halvings = StrictMath.log(v / (target + 0.5)) / StrictMath.log(2);
        long d = Math.max(earliest, (long) Math.floor(halfLife * halvings) + 1);
        while (Behaviour.decay(v, d, halfLife) > target) {
            d++;
        }
        while (d > earliest && Behaviour.decay(v, d - 1, halfLife) <= target) {
            d--;
        }
        return Instant.ofEpochMilli((behaviour.minute + d) * Times.MINUTE_MILLIS);
    }

    /** @return what earned behaviour points and how many, e.g. {@code page view=3}, in the order first earned */
    public Map<String, Integer> getBehaviourTally() {
        if (behaviour == null) {
            return Map.of();
        }
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < behaviour.what.length; i++) {
            m.put(behaviour.what[i], behaviour.count[i]);
        }
        return Collections.unmodifiableMap(m);
    }

    /** @return when behaviour points were last earned (to the minute), or null */
    public Instant getLastBehaviourAt() {
        return behaviour == null ? null : Instant.ofEpochMilli(behaviour.minute * Times.MINUTE_MILLIS);
    }

    /**
     * Adds behaviour points at the engine's clock: the running total is decayed to now, then the points
     * are added (engine use: rules call {@code actions.addBehaviourPoints}).
     *
     * @param what         what earned them, for the tally, e.g. {@code page view}
     * @param count        how many of {@code what}
     * @param points       the points, at least 0
     * @param halfLifeDays the half-life of behaviour points
     */
    public void addBehaviour(String what, int count, int points, int halfLifeDays) {
        Objects.requireNonNull(what, "what");
        if (points < 0) {
            throw new IllegalArgumentException("behaviour points must not be negative, got " + points);
        }
        if (behaviour == null) {
            behaviour = new Behaviour();
        }
        behaviour.add(Times.minute(now), halfLifeDays * (long) Times.DAY_MINUTES, what, count, points);
    }

    // ---------------------------------------------------------------- churn warnings

    /**
     * @param orders how many consecutive falls
     * @return true if each of the last {@code orders} orders was smaller than the one before it
     */
    public boolean amountFellOn(int orders) {
        if (this.orders == null || this.orders.cents.size() < orders + 1) {
            return false;
        }
        for (int k = 0; k < orders; k++) {
            if (this.orders.amountFromEnd(k) >= this.orders.amountFromEnd(k + 1)) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param factor a multiple of the customer's mean interval between orders
     * @return the first instant at which the whole days since the last order exceed that many mean intervals,
     *         or null with fewer than 3 orders
     */
    public Instant intervalDueAt(double factor) {
        double mean = getMeanOrderIntervalDays();
        if (orders == null || orders.minutes.size() < 3 || mean < 0) {
            return null;
        }
        return Instant.ofEpochMilli(orders.lastAt + ((long) Math.floor(factor * mean) + 1) * Times.DAY_MILLIS);
    }

    /**
     * @param days the window
     * @param min  the count that matters
     * @return when fewer than {@code min} complaints will remain within the window if none is added, or null
     *         when there are already fewer
     */
    public Instant complaintsBelowAt(int days, int min) {
        return belowAt(service == null ? null : service.complaints, days, min);
    }

    /**
     * @param days the window
     * @param min  the count that matters
     * @return when fewer than {@code min} returns and exchanges will remain within the window, or null
     */
    public Instant returnsBelowAt(int days, int min) {
        return belowAt(service == null ? null : service.returns, days, min);
    }

    private Instant belowAt(org.eclipse.collections.impl.list.mutable.primitive.IntArrayList times, int days,
                            int min) {
        if (times == null || Windows.countSince(times, Times.minute(now - days * Times.DAY_MILLIS)) < min) {
            return null;
        }
        // the min-th most recent one leaving the window brings the count below min
        return Instant.ofEpochMilli(Times.millis(times.get(times.size() - min)) + days * Times.DAY_MILLIS
                + Times.MINUTE_MILLIS);
    }

    /**
     * @param cause a churn cause, e.g. NO_ORDER
     * @return true if a warning for it is open
     */
    public boolean hasWarning(String cause) {
        return warnings != null && warnings.indexOf(cause) >= 0;
    }

    /** @return the causes of the open churn warnings, oldest first */
    public List<String> getOpenWarnings() {
        return warnings == null ? List.of() : List.of(warnings.causes);
    }

    /** @return true if any churn warning is open */
    public boolean isAtRisk() {
        return warnings != null && warnings.causes.length > 0;
    }

    /** @return the highest level of the open churn warnings, or null when there is none */
    public Level getRiskLevel() {
        return warnings == null ? null : warnings.highest();
    }

    /**
     * Opens a warning (engine use: rules call {@code actions.warnChurn}).
     *
     * @param cause the cause
     * @param level its level
     * @return false if one was already open for the cause
     */
    public boolean openWarning(String cause, Level level) {
        if (warnings == null) {
            warnings = new Warnings();
        }
        return warnings.open(cause, level);
    }

    /**
     * Closes a warning (engine use: rules call {@code actions.clearChurn}).
     *
     * @param cause the cause
     * @return false if none was open for the cause
     */
    public boolean closeWarning(String cause) {
        if (warnings == null || !warnings.close(cause)) {
            return false;
        }
        if (warnings.causes.length == 0) {
            warnings = null;
        }
        return true;
    }

    // ---------------------------------------------------------------- reminders

    /**
     * @param days a number of days
     * @return the instant {@code days} after a rep last reached the customer (or after creation when never)
     */
    public Instant daysAfterLastContact(int days) {
        long last = engagement == null || engagement.lastRepContactAt == Times.NEVER ? createdAt
                : engagement.lastRepContactAt;
        return Instant.ofEpochMilli(last + days * Times.DAY_MILLIS);
    }

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

    /** @return whole days since the last delivery, or -1 when nothing was delivered */
    public int getDaysSinceLastDelivery() {
        return orders == null || orders.lastDeliveredAt == Times.NEVER ? -1
                : Times.daysBetween(orders.lastDeliveredAt, now);
    }

    /**
     * @param instant an instant, e.g. when a ticket was opened
     * @return whole hours from it to the engine's clock
     */
    public long hoursSince(Instant instant) {
        return Math.floorDiv(now - instant.toEpochMilli(), 3_600_000L);
    }

    /**
     * @return when the customer is expected to order again: the last order plus the median interval between
     *         orders; null with fewer than 2 orders
     */
    public Instant getPredictedRepurchaseAt() {
        double median = getMedianOrderIntervalDays();
        return orders == null || median < 0 ? null
                : Instant.ofEpochMilli(orders.lastAt + Math.round(median * Times.DAY_MILLIS));
    }

    /**
     * @param days days before the predicted repurchase
     * @return true from {@code days} before the predicted repurchase until it (see {@link #getPredictedRepurchaseAt})
     */
    public boolean repurchaseDueWithin(int days) {
        Instant predicted = getPredictedRepurchaseAt();
        return predicted != null && now < predicted.toEpochMilli()
                && now >= predicted.toEpochMilli() - days * Times.DAY_MILLIS;
    }

    // ---------------------------------------------------------------- RFM and segment

    /** @return the recency score, 1 (longest ago) to 5 (most recent), 0 until scored (no order yet) */
    public int getRfmR() {
        return rfmR;
    }

    /** @return the frequency score, 1 to 5, 0 until scored */
    public int getRfmF() {
        return rfmF;
    }

    /** @return the monetary score, 1 to 5, 0 until scored */
    public int getRfmM() {
        return rfmM;
    }

    /** @return true once the customer has RFM scores */
    public boolean isRfmScored() {
        return rfmR > 0;
    }

    /** @return the RFM segment, or null until a rule assigns one */
    public Segment getSegment() {
        return segment;
    }

    /**
     * Sets the RFM scores (engine use).
     *
     * @param r recency score 1-5
     * @param f frequency score 1-5
     * @param m monetary score 1-5
     * @return true if any score changed
     */
    public boolean setRfm(int r, int f, int m) {
        boolean changed = r != rfmR || f != rfmF || m != rfmM;
        rfmR = (byte) r;
        rfmF = (byte) f;
        rfmM = (byte) m;
        return changed;
    }

    /**
     * Sets the segment (engine use: rules call {@code actions.changeSegment}).
     *
     * @param s the segment
     */
    public void setSegment(Segment s) {
        this.segment = s;
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
     * @return the id of the customer whose referral code this customer arrived with, or null when it
     *         came without one or the code is not a referral code
     */
    public String getReferrerId() {
        return getReferralCode() == null ? null : ReferralCodes.referrer(getReferralCode());
    }

    // ---------------------------------------------------------------- products and notes

    /**
     * @param sku a product code
     * @return true if the customer ever bought it (among the last 32 products bought)
     */
    public boolean hasBought(String sku) {
        return products != null && products.indexOf(sku) >= 0;
    }

    /**
     * @param sku a product code
     * @return whole days since the customer first bought it, or -1 if never
     */
    public int daysSinceFirstBought(String sku) {
        int i = products == null ? -1 : products.indexOf(sku);
        return i < 0 ? -1 : Times.daysBetween(Times.millis(products.firstMinute[i]), now);
    }

    /**
     * @param sku  a product code
     * @param days a number of days
     * @return the instant {@code days} after the first purchase of the product, or null if never bought
     */
    public Instant daysAfterFirstBought(String sku, int days) {
        int i = products == null ? -1 : products.indexOf(sku);
        return i < 0 ? null : Instant.ofEpochMilli(Times.millis(products.firstMinute[i]) + days * Times.DAY_MILLIS);
    }

    /** @return the products bought (the last 32 distinct ones, in no particular order) */
    public List<String> getProductsBought() {
        return products == null ? List.of() : List.of(products.skus);
    }

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

    /**
     * @param days a number of days
     * @return the instant {@code days} after the first order, or null before any order
     */
    public Instant daysAfterFirstOrder(int days) {
        return orders == null ? null : Instant.ofEpochMilli(orders.firstAt + days * Times.DAY_MILLIS);
    }

    /** @return whole days since the first order, or -1 before any order */
    public int getDaysSinceFirstOrder() {
        return orders == null ? -1 : Times.daysBetween(orders.firstAt, now);
    }

    /**
     * @param key what was done, e.g. {@code ONBOARDING} or {@code CROSS_SELL:A>B}
     * @return true if a rule noted it for this customer ({@code actions.note})
     */
    public boolean noted(String key) {
        return notes != null && notes.has(key);
    }

    /**
     * Notes that something was done (engine use: rules call {@code actions.note}).
     *
     * @param key what was done
     * @return false if it was already noted
     */
    public boolean note(String key) {
        if (notes == null) {
            notes = new Notes();
        }
        return notes.add(key);
    }

    /**
     * Forgets a note (engine use: rules call {@code actions.forget}), so the trigger may fire again.
     *
     * @param key what was done
     * @return false if it was not noted
     */
    public boolean forget(String key) {
        return notes != null && notes.remove(key);
    }

    // ---------------------------------------------------------------- sales

    /** @return budget confirmed (BANT) */
    public boolean isBudgetConfirmed() {
        return (flags & BUDGET) != 0;
    }

    /** @return decision maker reached (BANT) */
    public boolean isAuthorityConfirmed() {
        return (flags & AUTHORITY) != 0;
    }

    /** @return need confirmed (BANT) */
    public boolean isNeedConfirmed() {
        return (flags & NEED) != 0;
    }

    /** @return timeline confirmed (BANT) */
    public boolean isTimelineConfirmed() {
        return (flags & TIMELINE) != 0;
    }

    /** @return all four of budget, authority, need and timeline confirmed */
    public boolean isBantComplete() {
        return (flags & (BUDGET | AUTHORITY | NEED | TIMELINE)) == (BUDGET | AUTHORITY | NEED | TIMELINE);
    }

    /** @return the expected deal amount from BANT, or 0 */
    public BigDecimal getBantAmount() {
        return Money.of(sales == null ? 0 : sales.bantAmountCents);
    }

    /** @return the open opportunity's id, or null */
    public String getOpenOpportunityId() {
        return sales == null ? null : sales.openOpportunityId;
    }

    /**
     * Opens an opportunity. Rules call {@code actions.createOpportunity(...)}, which calls this.
     *
     * @param opportunityId the new opportunity's id
     */
    public void openOpportunity(String opportunityId) {
        sales().openOpportunityId = opportunityId;
    }

    /** @return opportunities won */
    public int getOpportunitiesWon() {
        return sales == null ? 0 : sales.won;
    }

    /** @return opportunities lost */
    public int getOpportunitiesLost() {
        return sales == null ? 0 : sales.lost;
    }

    /** @return the contracts, in signing order */
    public List<Contract> getContracts() {
        return sales == null || sales.contracts == null ? List.of() : Collections.unmodifiableList(sales.contracts);
    }

    /** @return successful referrals credited to this customer */
    public int getReferralsRewarded() {
        return sales == null ? 0 : sales.referralsRewarded;
    }

    /** Records a successful referral. Rules call the advocacy actions, which call this. */
    public void addReferralRewarded() {
        sales().referralsRewarded++;
    }

    // ---------------------------------------------------------------- folding events in

    /**
     * Folds an event about this customer into the profile, cleaning contact data with the defaults
     * ({@link ContactData#ofDefaults()}). Rules never call it.
     *
     * @param event an event about this customer
     */
    public void apply(Event event) {
        apply(event, ContactData.ofDefaults());
    }

    /**
     * Folds an event about this customer into the profile. The engine calls it once per accepted
     * event, before the rules run; it never fails on a validated event. Rules never call it.
     * Profile fields of {@code LeadCaptured} and {@code ProfileUpdated} are cleaned first (lead intake,
     * RULES-CATALOG.md §2): text, phone and e-mail as {@link ContactData} says, placeholders as missing,
     * an invalid phone or e-mail kept in {@link #getInvalidContacts()} instead of the field.
     *
     * @param event   an event about this customer
     * @param intake  how contact data is cleaned ({@code settings.intake().contactData()})
     */
    public void apply(Event event, ContactData intake) {
        long at = event.at().toEpochMilli();
        if (event instanceof LeadCaptured e) {
            String ch = intern(ContactData.tidy(e.channel()));
            if (channel == null) {
                channel = ch;
            } else {
                touch(new ChannelTouch(ch, e.at(), e.leadId()));
            }
            profile(e.profile(), true, intake);
        } else if (event instanceof ProfileUpdated e) {
            profile(e.profile(), false, intake);
        } else if (event instanceof InteractionLogged e) {
            engagement().record(at, e.kind());
            if (e.kind().isRepContact() && e.repId() != null) {
                flags |= REP_ENGAGED;
            }
        } else if (event instanceof BantUpdated e) {
            bant(BUDGET, e.budget());
            bant(AUTHORITY, e.authority());
            bant(NEED, e.need());
            bant(TIMELINE, e.timeline());
            if (e.amount() != null) {
                sales().bantAmountCents = Money.cents(e.amount());
            }
        } else if (event instanceof OpportunityClosed e) {
            Sales s = sales();
            if (e.outcome() == Outcome.WON) {
                s.won++;
            } else {
                s.lost++;
                // a lost deal is qualified again from scratch: a new opportunity needs BANT confirmed anew
                flags = (byte) (flags & ~(BUDGET | AUTHORITY | NEED | TIMELINE));
            }
            if (e.opportunityId().equals(s.openOpportunityId)) {
                s.openOpportunityId = null;
            }
        } else if (event instanceof OrderPlaced e) {
            orders().place(e.orderId(), at, Money.cents(e.amount()), e.promisedDate());
            if (e.lines() != null && !e.lines().isEmpty()) {
                if (products == null) {
                    products = new Products();
                }
                for (var line : e.lines()) {
                    products.bought(line.sku().strip(), Times.minute(at));
                }
            }
        } else if (event instanceof OrderStatusChanged e) {
            Orders o = orders();
            o.status(e.orderId(), e.status(), at, e.trackingNo());
            if (e.status() == OrderStatus.RETURNED) {
                service().returns = Windows.add(service().returns, Times.minute(at), WINDOW_KEEP_DAYS);
            }
        } else if (event instanceof PaymentReceived e) {
            orders().pay(e.orderId(), Money.cents(e.amount()));
        } else if (event instanceof TicketOpened e) {
            service().open(e.ticketId(), e.kind(), at, e.severity());
        } else if (event instanceof TicketResolved e) {
            service().resolve(e.ticketId(), Boolean.TRUE.equals(e.firstContact()));
        } else if (event instanceof SurveyAnswered e) {
            if (e.nps() != null) {
                lastNps = e.nps().byteValue();
            }
            if (e.csat() != null) {
                lastCsat = e.csat().byteValue();
            }
            if (e.review() != null) {
                lastReview = e.review();
            }
            lastSurveyAt = at;
        } else if (event instanceof ConsentChanged e) {
            outreach().consent(e.channel(), e.optedOut());
        } else if (event instanceof ContractSigned e) {
            sales().sign(new Contract(e.contractId(), e.expiresOn(), e.amount()));
        }
        if (orders != null) {
            orders.forgetStale(now - ORDER_TRACKING_DAYS * Times.DAY_MILLIS);
        }
    }

    private void bant(byte bit, Boolean value) {
        if (value != null) {
            flags = (byte) (value ? flags | bit : flags & ~bit);
        }
    }

    /**
     * Copies given profile fields, cleaned; a repeated capture only fills what is still missing. A value
     * that is missing (null, blank, a placeholder) changes nothing.
     */
    private void profile(ProfileFields p, boolean fillOnly, ContactData intake) {
        name = pick(name, intake.text(p.name()), fillOnly);
        String newCompany = pick(company, intake.text(p.company()), fillOnly);
        if (newCompany != company) {
            company = newCompany;
            String key = intake.companyKey(newCompany);
            if (key != null || rare != null) {
                rare().companyKey = key;
            }
        }
        phone = contact("phone", phone, p.phone(), intake.phone(p.phone()), fillOnly);
        email = contact("email", email, p.email(), intake.email(p.email()), fillOnly);
        region = intern(pick(region, intake.text(p.region()), fillOnly));
        city = intern(pick(city, intake.text(p.city()), fillOnly));
        industry = intern(pick(industry, intake.text(p.industry()), fillOnly));
        title = intern(pick(title, intake.text(p.title()), fillOnly));
        String code = pick(getReferralCode(), intake.text(p.referralCode()), fillOnly);
        if (code != null || rare != null) {
            rare().referralCode = code;
        }
        if (p.companySize() != null && (!fillOnly || companySize < 0)) {
            companySize = p.companySize();
        }
        if (p.birthday() != null && (!fillOnly || birthdayDay == Integer.MIN_VALUE)) {
            birthdayDay = (int) p.birthday().toEpochDay();
        }
        // an opt-out is never undone by a repeated capture, only by an explicit profile update
        if (p.doNotEmail() != null && (!fillOnly || p.doNotEmail())) {
            flags = (byte) (p.doNotEmail() ? flags | DO_NOT_EMAIL : flags & ~DO_NOT_EMAIL);
        }
        if (p.doNotCall() != null && (!fillOnly || p.doNotCall())) {
            flags = (byte) (p.doNotCall() ? flags | DO_NOT_CALL : flags & ~DO_NOT_CALL);
        }
        if (p.timeZone() != null && (!fillOnly || getTimeZone() == null)) {
            rare().timeZone = ZONES.computeIfAbsent(p.timeZone().strip(), ZoneId::of);
        }
        if (p.attributes() != null && !p.attributes().isEmpty()) {
            if (attributes == null) {
                attributes = new LinkedHashMap<>(4);
            }
            p.attributes().forEach((k, v) -> {
                String value = v == null ? null : intake.text(String.valueOf(v));
                if (value != null && (!fillOnly || !attributes.containsKey(k))) {
                    attributes.put(k, value);
                }
            });
            if (attributes.isEmpty()) {
                attributes = null;
            }
        }
    }

    /**
     * The new value of a phone or e-mail field. Valid: it replaces the field (a capture only fills an empty one)
     * and clears a recorded invalid value. Invalid: the field has no usable value from now on and the value is
     * recorded with the reason, so it is reported rather than dropped. Missing: nothing changes.
     */
    private String contact(String field, String current, String raw, ContactData.Checked checked, boolean fillOnly) {
        if (checked.isMissing() || fillOnly && current != null) {
            return current;
        }
        if (checked.isValid()) {
            forgetInvalid(field);
            return checked.value();
        }
        rememberInvalid(new InvalidContact(field, raw, checked.problem()));
        return null;
    }

    private void rememberInvalid(InvalidContact bad) {
        forgetInvalid(bad.field());
        Rare r = rare();
        r.invalidContacts = r.invalidContacts == null ? new InvalidContact[] {bad}
                : Arrays.copyOf(r.invalidContacts, r.invalidContacts.length + 1);
        r.invalidContacts[r.invalidContacts.length - 1] = bad;
    }

    private void forgetInvalid(String field) {
        if (invalidContact(field) != null) {
            InvalidContact[] rest = Arrays.stream(rare.invalidContacts).filter(ic -> !ic.field().equals(field))
                    .toArray(InvalidContact[]::new);
            rare.invalidContacts = rest.length == 0 ? null : rest;
        }
    }

    private Rare rare() {
        if (rare == null) {
            rare = new Rare();
        }
        return rare;
    }

    /**
     * Folds a duplicate profile into this one, the survivor (RULES-CATALOG.md §2: merge into the earliest record,
     * keep every channel touch). Engine use only: the engine calls it when a new lead shows that two existing
     * lead profiles are one person, and then forgets {@code other}. What this profile lacks is taken from the
     * other (contact data, firmographics, attributes, owner, stage); what both have is combined (channel touches,
     * opt-outs, BANT confirmations, tags, interactions, behaviour points, "once per cause" notes); what this
     * profile has wins (its own contact data, stage, score, owner). The score is not added up: the scoring rules
     * grade the merged profile when they next run. Profiles with orders are never folded into another (the engine
     * does not merge customers' order histories).
     *
     * @param other        the duplicate, which the engine drops afterwards
     * @param halfLifeDays the half-life of behaviour points ({@code settings.scoring.halfLifeDays})
     */
    public void absorb(Customer other, int halfLifeDays) {
        if (other.isHasOrdered()) {
            throw new IllegalArgumentException("customer " + other.id + " has orders and cannot be merged into " + id);
        }
        name = name != null ? name : other.name;
        if (company == null && other.company != null) {
            company = other.company;
            if (other.getCompanyKey() != null) {
                rare().companyKey = other.getCompanyKey();
            }
        }
        if (phone == null && other.phone != null) {
            phone = other.phone;
            forgetInvalid("phone");
        }
        if (email == null && other.email != null) {
            email = other.email;
            forgetInvalid("email");
        }
        for (InvalidContact bad : other.getInvalidContacts()) {
            boolean valid = bad.field().equals("phone") ? phone != null : email != null;
            if (!valid && invalidContact(bad.field()) == null) {
                rememberInvalid(bad);
            }
        }
        region = region != null ? region : other.region;
        city = city != null ? city : other.city;
        industry = industry != null ? industry : other.industry;
        title = title != null ? title : other.title;
        companySize = companySize >= 0 ? companySize : other.companySize;
        birthdayDay = birthdayDay != Integer.MIN_VALUE ? birthdayDay : other.birthdayDay;
        flags |= (byte) (other.flags & (DO_NOT_EMAIL | DO_NOT_CALL | REP_ENGAGED | BUDGET | AUTHORITY | NEED | TIMELINE));
        if (other.getReferralCode() != null && getReferralCode() == null) {
            rare().referralCode = other.getReferralCode();
        }
        if (other.getTimeZone() != null && getTimeZone() == null) {
            rare().timeZone = other.getTimeZone();
        }
        if (other.attributes != null) {
            if (attributes == null) {
                attributes = new LinkedHashMap<>(other.attributes.size());
            }
            other.attributes.forEach(attributes::putIfAbsent);
        }
        if (channel == null) {
            channel = other.channel;
        } else if (other.channel != null) {
            touch(new ChannelTouch(other.channel, other.getCreatedAt(), other.id));
        }
        if (other.rare != null && other.rare.touches != null) {
            for (ChannelTouch t : other.rare.touches) {
                touch(t);
            }
        }
        if (stage == null && other.stage != null) {
            stage = other.stage;
            stageSince = other.stageSince;
        }
        ownerId = ownerId != null ? ownerId : other.ownerId;
        for (String t : other.getTags()) {
            addTag(t);
        }
        if (other.engagement != null) {
            engagement().fold(other.engagement);
        }
        if (other.behaviour != null) {
            if (behaviour == null) {
                behaviour = new Behaviour();
            }
            behaviour.fold(other.behaviour, halfLifeDays * (long) Times.DAY_MINUTES);
        }
        if (other.notes != null) {
            if (notes == null) {
                notes = new Notes();
            }
            notes.fold(other.notes);
        }
        if (other.outreach != null) {
            outreach().foldConsent(other.outreach);
        }
        if (other.sales != null && other.sales.bantAmountCents != 0 && (sales == null || sales.bantAmountCents == 0)) {
            sales().bantAmountCents = other.sales.bantAmountCents;
        }
    }

    /** See {@link #rare}. */
    private static final class Rare {
        String companyKey;
        InvalidContact[] invalidContacts;
        String referralCode;
        ZoneId timeZone;
        /** Captures after the first (repeated, or of duplicates merged in), oldest first. */
        ChannelTouch[] touches;
    }

    private static String pick(String current, String given, boolean fillOnly) {
        if (given == null) {
            return current;
        }
        return fillOnly && current != null ? current : given;
    }

    private static String intern(String s) {
        return s == null ? null : s.intern();
    }

    private Orders orders() {
        if (orders == null) {
            orders = new Orders();
        }
        return orders;
    }

    private Service service() {
        if (service == null) {
            service = new Service();
        }
        return service;
    }

    // ---------------------------------------------------------------- the policy gate's bookkeeping (engine use)

    /**
     * @param sinceMillis a start instant
     * @return marketing messages sent (or held to be sent) after it
     */
    public int marketingSentSince(long sinceMillis) {
        return outreach == null ? 0 : outreach.marketingSince(Times.minute(sinceMillis));
    }

    /**
     * Counts a marketing message against the frequency cap (engine use); a held message counts
     * from when it will go out.
     *
     * @param atMillis     when it goes out
     * @param forgetBefore sends at or before this no longer count for any cap
     */
    public void recordMarketing(long atMillis, long forgetBefore) {
        outreach().recordMarketing(Times.minute(atMillis), Times.minute(forgetBefore));
    }

    /**
     * Holds a message until quiet hours end (engine use).
     *
     * @param message     the message
     * @param untilMillis when it may go out
     */
    public void hold(MessageRequested message, long untilMillis) {
        outreach().hold(message, untilMillis);
    }

    /** @return when the first held message may go out, or Long.MAX_VALUE */
    public long nextRelease() {
        return outreach == null ? Long.MAX_VALUE : outreach.nextRelease();
    }

    /**
     * @param clockMillis the engine's clock
     * @return the held messages that may go out now, removed from the hold, in the order requested,
     *         each stamped with its release instant
     */
    public List<MessageRequested> releaseHeld(long clockMillis) {
        return outreach == null ? List.of() : outreach.release(clockMillis);
    }

    /** @return how many messages are held for quiet hours */
    public int getHeldMessages() {
        return outreach == null ? 0 : outreach.heldCount();
    }

    private Outreach outreach() {
        if (outreach == null) {
            outreach = new Outreach();
        }
        return outreach;
    }

    private Engagement engagement() {
        if (engagement == null) {
            engagement = new Engagement();
        }
        return engagement;
    }

    private Sales sales() {
        if (sales == null) {
            sales = new Sales();
        }
        return sales;
    }

    // ---------------------------------------------------------------- snapshots (engine use)

    /**
     * Writes every field of this profile in the snapshot encoding, after the format byte the caller writes
     * ({@code dev.custflow.internal.runtime.Snapshots}). The engine's clock ({@link #getNow()}) is not part of it: the
     * engine sets it before every evaluation. Engine use only.
     *
     * @param o where to write
     */
    public void writeSnapshot(dev.custflow.internal.snapshot.SnapshotOutput o) {
        o.writeString(id);
        o.writeSignedLong(createdAt);
        o.writeTime(dueAt, createdAt);
        long present = bit(0, name) | bit(1, company) | bit(2, phone) | bit(3, email) | bit(4, rare)
                | bit(5, region) | bit(6, city) | bit(7, industry) | bit(8, title) | bit(9, channel)
                | bit(10, attributes) | bit(11, stage) | bit(12, histStages) | bit(13, grade) | bit(14, ownerId)
                | bit(15, tags) | bit(16, orders) | bit(17, service) | bit(18, engagement) | bit(19, outreach)
                | bit(20, warnings) | bit(21, products) | bit(22, notes) | bit(23, segment) | bit(24, sales)
                | bit(25, behaviour) | bit(26, lastReview) | (loadCounted ? 1L << 27 : 0)
                | ((rfmR | rfmF | rfmM) != 0 ? 1L << 28 : 0)
                | (lastNps != -1 || lastCsat != -1 || lastSurveyAt != Times.NEVER ? 1L << 29 : 0)
                | (stageSince != Times.NEVER ? 1L << 30 : 0) | (companySize != -1 ? 1L << 31 : 0)
                | (birthdayDay != Integer.MIN_VALUE ? 1L << 32 : 0) | (flags != 0 ? 1L << 33 : 0)
                | (score != 0 ? 1L << 34 : 0);
        o.writeVarLong(present);
        for (String s : new String[] {name, company, phone, email}) {
            if (s != null) {
                o.writeString(s);
            }
        }
        if (rare != null) {
            o.writeString(rare.companyKey);
            InvalidContact[] bad = rare.invalidContacts == null ? new InvalidContact[0] : rare.invalidContacts;
            o.writeVarInt(rare.invalidContacts == null ? 0 : bad.length + 1);
            for (InvalidContact c : bad) {
                o.writeString(c.field());
                o.writeString(c.value());
                o.writeString(c.problem());
            }
            o.writeString(rare.referralCode);
            o.writeString(rare.timeZone == null ? null : rare.timeZone.getId());
            ChannelTouch[] touches = rare.touches == null ? new ChannelTouch[0] : rare.touches;
            o.writeVarInt(rare.touches == null ? 0 : touches.length + 1);
            for (ChannelTouch t : touches) {
                o.writeString(t.channel());
                o.writeTime(t.at().toEpochMilli(), createdAt);
                o.writeString(t.leadId());
            }
        }
        for (String s : new String[] {region, city, industry, title, channel}) {
            if (s != null) {
                o.writeString(s);
            }
        }
        if (attributes != null) {
            o.writeVarInt(attributes.size());
            attributes.forEach((k, v) -> {
                o.writeString(k);
                o.writeString(v);
            });
        }
        if (stage != null) {
            o.writeVarInt(stage.ordinal());
        }
        if (histStages != null) {
            o.writeVarInt(histStages.length);
            for (int i = 0; i < histStages.length; i++) {
                o.writeVarInt(histStages[i] & 0xFFFF);
                o.writeTime(histAt[i], createdAt);
                o.writeString(histRule[i]);
            }
        }
        if (grade != null) {
            o.writeString(grade);
        }
        if (ownerId != null) {
            o.writeString(ownerId);
        }
        if (tags != null) {
            CustomerCodec.strings(o, tags);
        }
        if (orders != null) {
            CustomerCodec.orders(o, orders, createdAt);
        }
        if (service != null) {
            CustomerCodec.service(o, service, createdAt);
        }
        if (engagement != null) {
            CustomerCodec.engagement(o, engagement, createdAt);
        }
        if (outreach != null) {
            CustomerCodec.outreach(o, outreach, createdAt);
        }
        if (warnings != null) {
            CustomerCodec.warnings(o, warnings);
        }
        if (products != null) {
            CustomerCodec.products(o, products, createdAt);
        }
        if (notes != null) {
            CustomerCodec.notes(o, notes);
        }
        if (segment != null) {
            o.writeVarInt(segment.ordinal());
        }
        if (sales != null) {
            CustomerCodec.sales(o, sales);
        }
        if (behaviour != null) {
            CustomerCodec.behaviour(o, behaviour);
        }
        if (lastReview != null) {
            o.writeVarInt(lastReview.ordinal());
        }
        if ((rfmR | rfmF | rfmM) != 0) {
            o.writeByte(rfmR);
            o.writeByte(rfmF);
            o.writeByte(rfmM);
        }
        if (lastNps != -1 || lastCsat != -1 || lastSurveyAt != Times.NEVER) {
            o.writeByte(lastNps);
            o.writeByte(lastCsat);
            o.writeTime(lastSurveyAt, createdAt);
        }
        if (stageSince != Times.NEVER) {
            o.writeTime(stageSince, createdAt);
        }
        if (companySize != -1) {
            o.writeSignedInt(companySize);
        }
        if (birthdayDay != Integer.MIN_VALUE) {
            o.writeSignedInt(birthdayDay);
        }
        if (flags != 0) {
            o.writeByte(flags);
        }
        if (score != 0) {
            o.writeSignedInt(score);
        }
    }

    private static long bit(int n, Object value) {
        return value == null ? 0 : 1L << n;
    }

    /**
     * Reads a profile written by {@link #writeSnapshot} (format version 1). Engine use only.
     *
     * @param in      the encoding, after the format byte
     * @param version the format version it was written in
     * @return the profile, outside any due-time index
     */
    public static Customer readSnapshot(dev.custflow.internal.snapshot.SnapshotInput in, int version) {
        if (version != 1) {
            throw new IllegalArgumentException("unknown customer snapshot version " + version);
        }
        String id = in.readString();
        long created = in.readSignedLong();
        Customer c = new Customer(id, Instant.ofEpochMilli(created));
        c.dueAt = in.readTime(created);
        long present = in.readVarLong();
        c.name = (present & 1L) != 0 ? in.readString() : null;
        c.company = (present & 1L << 1) != 0 ? in.readString() : null;
        c.phone = (present & 1L << 2) != 0 ? in.readString() : null;
        c.email = (present & 1L << 3) != 0 ? in.readString() : null;
        if ((present & 1L << 4) != 0) {
            Rare r = new Rare();
            r.companyKey = in.readString();
            int bad = in.readVarInt();
            if (bad > 0) {
                r.invalidContacts = new InvalidContact[bad - 1];
                for (int i = 0; i < bad - 1; i++) {
                    r.invalidContacts[i] = new InvalidContact(in.readString(), in.readString(), in.readString());
                }
            }
            r.referralCode = in.readString();
            String zone = in.readString();
            r.timeZone = zone == null ? null : ZONES.computeIfAbsent(zone, ZoneId::of);
            int touches = in.readVarInt();
            if (touches > 0) {
                r.touches = new ChannelTouch[touches - 1];
                for (int i = 0; i < touches - 1; i++) {
                    r.touches[i] = new ChannelTouch(in.readInterned(), Instant.ofEpochMilli(in.readTime(created)),
                            in.readString());
                }
            }
            c.rare = r;
        }
        c.region = (present & 1L << 5) != 0 ? in.readInterned() : null;
        c.city = (present & 1L << 6) != 0 ? in.readInterned() : null;
        c.industry = (present & 1L << 7) != 0 ? in.readInterned() : null;
        c.title = (present & 1L << 8) != 0 ? in.readInterned() : null;
        c.channel = (present & 1L << 9) != 0 ? in.readInterned() : null;
        if ((present & 1L << 10) != 0) {
            int n = in.readVarInt();
            c.attributes = new LinkedHashMap<>(Math.max(4, n * 2));
            for (int i = 0; i < n; i++) {
                c.attributes.put(in.readString(), in.readString());
            }
        }
        c.stage = (present & 1L << 11) != 0 ? Stage.values()[in.readVarInt()] : null;
        if ((present & 1L << 12) != 0) {
            int n = in.readVarInt();
            c.histStages = new short[n];
            c.histAt = new long[n];
            c.histRule = new String[n];
            for (int i = 0; i < n; i++) {
                c.histStages[i] = (short) in.readVarInt();
                c.histAt[i] = in.readTime(created);
                c.histRule[i] = in.readInterned();
            }
        }
        c.grade = (present & 1L << 13) != 0 ? in.readInterned() : null;
        c.ownerId = (present & 1L << 14) != 0 ? in.readInterned() : null;
        c.tags = (present & 1L << 15) != 0 ? CustomerCodec.interned(in) : null;
        c.orders = (present & 1L << 16) != 0 ? CustomerCodec.orders(in, created) : null;
        c.service = (present & 1L << 17) != 0 ? CustomerCodec.service(in, created) : null;
        c.engagement = (present & 1L << 18) != 0 ? CustomerCodec.engagement(in, created) : null;
        c.outreach = (present & 1L << 19) != 0 ? CustomerCodec.outreach(in, created) : null;
        c.warnings = (present & 1L << 20) != 0 ? CustomerCodec.warnings(in) : null;
        c.products = (present & 1L << 21) != 0 ? CustomerCodec.products(in, created) : null;
        c.notes = (present & 1L << 22) != 0 ? CustomerCodec.notes(in) : null;
        c.segment = (present & 1L << 23) != 0 ? Segment.values()[in.readVarInt()] : null;
        c.sales = (present & 1L << 24) != 0 ? CustomerCodec.sales(in) : null;
        c.behaviour = (present & 1L << 25) != 0 ? CustomerCodec.behaviour(in) : null;
        c.lastReview = (present & 1L << 26) != 0 ? Review.values()[in.readVarInt()] : null;
        c.loadCounted = (present & 1L << 27) != 0;
        if ((present & 1L << 28) != 0) {
            c.rfmR = (byte) in.readByte();
            c.rfmF = (byte) in.readByte();
            c.rfmM = (byte) in.readByte();
        }
        if ((present & 1L << 29) != 0) {
            c.lastNps = (byte) in.readByte();
            c.lastCsat = (byte) in.readByte();
            c.lastSurveyAt = in.readTime(created);
        }
        if ((present & 1L << 30) != 0) {
            c.stageSince = in.readTime(created);
        }
        if ((present & 1L << 31) != 0) {
            c.companySize = in.readSignedInt();
        }
        if ((present & 1L << 32) != 0) {
            c.birthdayDay = in.readSignedInt();
        }
        if ((present & 1L << 33) != 0) {
            c.flags = (byte) in.readByte();
        }
        if ((present & 1L << 34) != 0) {
            c.score = in.readSignedInt();
        }
        return c;
    }

    @Override
    public String toString() {
        return "Customer{" + id + ", " + stage + ", orders=" + getOrderCount() + "}";
    }
}
