package dev.custflow.internal.profile;

import dev.custflow.model.Level;
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
import dev.custflow.internal.names.CompanyNames;
import dev.custflow.model.ChannelTouch;
import dev.custflow.model.ContactData;
import dev.custflow.model.Contract;
import dev.custflow.model.Customer;
import dev.custflow.model.InvalidContact;
import dev.custflow.model.Money;
import dev.custflow.model.OrderItem;
import dev.custflow.model.OrderStatus;
import dev.custflow.model.Outcome;
import dev.custflow.model.Segment;
import dev.custflow.model.Stage;
import dev.custflow.model.Times;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import org.kie.api.definition.type.ClassReactive;

/**
 * The customer the engine keeps: the read model rules see ({@link Customer}) plus everything only the engine may
 * do to it. It folds events in ({@link #apply}), applies what actions decide ({@link #moveTo}, {@link #addTag}...),
 * merges a duplicate ({@link #absorb}), carries the engine's bookkeeping (due time, index slot, the owner's load)
 * and encodes itself for snapshots. Rules hold it as a {@code Customer} and cannot reach these methods; the
 * engine's own code calls them, the actions through {@code ActionCollector}.
 *
 * <p>Class-reactive like {@link Customer} (the annotation is not inherited, and Drools reads it from the class
 * it inserts).
 */
@ClassReactive
public final class CustomerRecord extends AbstractMergingCustomerRecord {
    /** An open order that has not moved for this long stops being tracked. */
    static final int ORDER_TRACKING_DAYS = 180;

    /**
     * Creates an empty profile, when the engine first sees a customer id.
     *
     * @param id        the customer (or lead) id
     * @param createdAt when the engine first saw it
     */
    public CustomerRecord(String id, Instant createdAt) {
        this(id, createdAt.toEpochMilli());
    }

    CustomerRecord(String id, long createdAt) {
        super(id, createdAt);
    }

    // ---------------------------------------------------------------- what actions change

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
        int n = histSize();
        long[] h = new long[n + 1];
        for (int i = 0; i < n; i++) {
            h[i] = histEntryAt(i);
        }
        h[n] = histEntry(((stage == null ? 0 : stage.ordinal() + 1) << 8) | (to.ordinal() + 1), at.toEpochMilli());
        String name = rule == null ? null : rule.intern();
        if (n == 0) {
            histRules = name; // one change: the name, no array (see Customer#histRules)
        } else {
            String[] rules = n == 1 ? new String[] {(String) histRules, null} : Arrays.copyOf((String[]) histRules, n + 1);
            rules[n] = name;
            histRules = rules;
        }
        stage = to;
        stageSince = at.toEpochMilli();
        hist = histOf(h);
    }

    /**
     * A person's decision on the stage: moves the customer (recorded with {@code rule}, which names the person) and
     * keeps the stage there while {@code by} is not null. Nothing moves when the stage is already the chosen one, but
     * the pin is still set or released.
     *
     * @param to   the chosen stage
     * @param at   when
     * @param rule what the stage history records as the cause
     * @param by   who keeps the stage there, or null to let the rules move it again
     * @return true if the stage changed
     */
    public boolean setStageByPerson(Stage to, Instant at, String rule, String by) {
        boolean moved = stage != to;
        if (moved) {
            moveTo(to, at, rule);
        }
        if (by != null || handling != null) {
            handling().stageSetBy = by == null ? null : by.intern();
        }
        return moved;
    }

    /** A rule overruled a person's stage: the rules move the stage again. */
    public void releaseStage() {
        if (handling != null) {
            handling.stageSetBy = null;
        }
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

    /**
     * Remembers that sales heard of the current score and grade (LEAD_SCORED). The scoring actions call this.
     *
     * @param at when, epoch millis
     */
    public void scoreReported(long at) {
        Handling h = handling();
        h.reportedScore = score;
        h.reportedGrade = grade;
        h.scoreReportedAt = at;
    }

    /**
     * Remembers the customer a host-issued referral code this customer came with names. The advocacy actions call
     * this.
     *
     * @param id the referrer
     */
    public void referrerId(String id) {
        rare().referrerId = id;
    }

    /**
     * Sets the owner. Rules call the assignment actions, which call this.
     *
     * @param repId the rep, or null to unassign
     */
    public void ownerId(String repId) {
        this.ownerId = repId == null ? null : repId.intern();
    }

    /** @param at when the lead got its current rep (the assignment desk sets it with the owner), epoch millis */
    public void ownerSince(long at) {
        if (at != Times.NEVER || handling != null) {
            handling().ownerSince = at;
        }
    }

    /** @param by who gave the customer to its rep by hand, or null when the assignment rules did */
    public void ownerSetBy(String by) {
        if (by != null || handling != null) {
            handling().ownerSetBy = by == null ? null : by.intern();
        }
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
        behaviour().add(Times.minute(now), halfLifeDays * (long) Times.DAY_MINUTES, what, count, points);
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
            warnings = new WarningsRecord();
        }
        return ((WarningsRecord) warnings).open(cause, level);
    }

    /**
     * Closes a warning (engine use: rules call {@code actions.clearChurn}).
     *
     * @param cause the cause
     * @return false if none was open for the cause
     */
    public boolean closeWarning(String cause) {
        if (warnings == null || !((WarningsRecord) warnings).close(cause)) {
            return false;
        }
        if (((WarningsRecord) warnings).isEmpty()) {
            warnings = null;
        }
        return true;
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
    public void segment(Segment s) {
        this.segment = s;
    }

    /**
     * Notes that something was done (engine use: rules call {@code actions.note}).
     *
     * @param key what was done
     * @return false if it was already noted
     */
    public boolean note(String key) {
        if (notes == null) {
            notes = new NotesRecord();
        }
        return ((NotesRecord) notes).add(key);
    }

    /**
     * Forgets a note (engine use: rules call {@code actions.forget}), so the trigger may fire again.
     *
     * @param key what was done
     * @return false if it was not noted
     */
    public boolean forget(String key) {
        return notes != null && ((NotesRecord) notes).remove(key);
    }

    /**
     * Opens an opportunity. Rules call {@code actions.createOpportunity(...)}, which calls this.
     *
     * @param opportunityId the new opportunity's id
     */
    public void openOpportunity(String opportunityId) {
        sales().open(opportunityId);
    }

    /** Records a successful referral: the engine calls this for every REFERRAL_REWARDED naming this customer. */
    public void addReferralRewarded() {
        sales().referralRewarded();
    }

    /**
     * Takes a referral back (a REFERRAL_REVERSED naming this customer); the count never goes below 0.
     *
     * @return false when there was none to take back
     */
    public boolean takeReferralRewarded() {
        return getReferralsRewarded() > 0 && sales().referralReversed();
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

    /**
     * @param clockMillis the engine's clock
     * @return the held messages that may go out now, removed from the hold, in the order requested,
     *         each stamped with its release instant
     */
    public List<MessageRequested> releaseHeld(long clockMillis) {
        return outreach == null ? List.of() : ((OutreachRecord) outreach).release(clockMillis);
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
     * docs/design/rules-catalog.md §2): text, phone and e-mail as {@link ContactData} says, placeholders as missing,
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
                sales().bantAmount(Money.cents(e.amount()));
            }
        } else if (event instanceof OpportunityClosed e) {
            sales().closed(e.opportunityId(), e.outcome() == Outcome.WON);
            if (e.outcome() != Outcome.WON) {
                // a lost deal is qualified again from scratch: a new opportunity needs BANT confirmed anew
                flags = (byte) (flags & ~(BUDGET | AUTHORITY | NEED | TIMELINE));
            }
        } else if (event instanceof OrderPlaced e) {
            OrderItem[] items = new OrderItem[e.lines().size()];
            for (int i = 0; i < items.length; i++) {
                var line = e.lines().get(i);
                items[i] = new OrderItem(line.sku().strip(), line.quantity() == null ? 1 : line.quantity());
            }
            orders().place(e.orderId(), at, Money.cents(e.amount()), e.promisedDate(), items);
            if (e.lines() != null && !e.lines().isEmpty()) {
                if (products == null) {
                    products = new ProductsRecord();
                }
                for (var line : e.lines()) {
                    ((ProductsRecord) products).bought(line.sku().strip(), Times.minute(at));
                }
            }
        } else if (event instanceof OrderStatusChanged e) {
            if (orders().status(e.orderId(), e.status(), at, e.trackingNo()) && e.status() == OrderStatus.RETURNED) {
                service().returned(at);
            }
        } else if (event instanceof PaymentReceived e) {
            orders().pay(e.orderId(), Money.cents(e.amount()));
        } else if (event instanceof TicketOpened e) {
            service().open(e.ticketId(), e.kind(), at, e.severity());
        } else if (event instanceof TicketResolved e) {
            service().resolve(e.ticketId(), Boolean.TRUE.equals(e.firstContact()));
        } else if (event instanceof SurveyAnswered e) {
            LastSurvey s = lastSurvey();
            if (e.nps() != null) {
                s.nps = e.nps().byteValue();
            }
            if (e.csat() != null) {
                s.csat = e.csat().byteValue();
            }
            if (e.review() != null) {
                s.review = e.review();
            }
            s.at = at;
        } else if (event instanceof ConsentChanged e) {
            outreach().consent(e.channel(), e.optedOut());
        } else if (event instanceof ContractSigned e) {
            sales().sign(new Contract(e.contractId(), e.expiresOn(), e.amount()));
        }
        if (orders != null) {
            ((OrdersRecord) orders).forgetStale(now - ORDER_TRACKING_DAYS * Times.DAY_MILLIS);
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
            String account = CompanyNames.accountKey(newCompany);
            if (key != null || account != null || rare != null) {
                rare().companyKey = key;
                rare().accountKey = account;
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
            rare().timeZone = zone(p.timeZone().strip());
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
     * The new value of a phone or e-mail field. Valid: it replaces the field (a capture only fills an empty one,
     * and keeps a different valid value as one of the person's other phones or e-mails) and clears a recorded
     * invalid value. Invalid: the field has no usable value from now on and the value is
     * recorded with the reason, so it is reported rather than dropped. Missing: nothing changes.
     */
    private String contact(String field, String current, String raw, ContactData.Checked checked, boolean fillOnly) {
        if (checked.isMissing()) {
            return current;
        }
        if (fillOnly && current != null) {
            if (checked.isValid()) {
                keepOther(field.equals("phone"), checked.value()); // a repeated or merged capture's other number
            }
            return current;
        }
        if (checked.isValid()) {
            forgetInvalid(field);
            return checked.value();
        }
        rememberInvalid(new InvalidContact(field, raw, checked.problem()));
        return null;
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

}
