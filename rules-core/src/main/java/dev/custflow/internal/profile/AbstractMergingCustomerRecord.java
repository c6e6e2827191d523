package dev.custflow.internal.profile;

import dev.custflow.model.ChannelTouch;
import dev.custflow.model.InvalidContact;
import dev.custflow.model.Times;
import java.util.Arrays;
import java.util.LinkedHashMap;

/**
 * The merge of a duplicate profile into its survivor ({@link #absorb}) and the contact helpers it shares with
 * {@link CustomerRecord}'s intake. A class between {@link AbstractCustomerRecord} and {@code CustomerRecord} rather
 * than a class of its own: the merge writes the read model's protected fields of both profiles, which only a
 * subclass of the model may do. Split from {@code CustomerRecord} to keep each file readable.
 */
public abstract class AbstractMergingCustomerRecord extends AbstractCustomerRecord {
    AbstractMergingCustomerRecord(String id, long createdAt) {
        super(id, createdAt);
    }

    /**
     * Adds a tag (see {@link CustomerRecord#addTag}).
     *
     * @param tag the tag
     * @return true if it was not there
     */
    public abstract boolean addTag(String tag);

    /**
     * Folds a duplicate profile into this one, the survivor (docs/design/rules-catalog.md §2: merge into the earliest record,
     * keep every channel touch). Engine use only: the engine calls it when a new lead shows that two existing
     * lead profiles are one person, and then forgets {@code other}. What this profile lacks is taken from the
     * other (contact data, firmographics, attributes, owner, stage); what both have is combined (channel touches,
     * phone numbers and e-mail addresses: the other's become {@link #getOtherPhones()} and {@link #getOtherEmails()},
     * opt-outs, BANT confirmations, tags, interactions, behaviour points, "once per cause" notes); what this
     * profile has wins (its own contact data, stage, score, owner). The score is not added up: the scoring rules
     * grade the merged profile when they next run. Profiles with orders are never folded into another (the engine
     * does not merge customers' order histories).
     *
     * @param other        the duplicate, which the engine drops afterwards
     * @param halfLifeDays the half-life of behaviour points ({@code settings.scoring.halfLifeDays})
     */
    public final void absorb(CustomerRecord other, int halfLifeDays) {
        if (other.isHasOrdered()) {
            throw new IllegalArgumentException("customer " + other.id + " has orders and cannot be merged into " + id);
        }
        name = name != null ? name : other.name;
        if (company == null && other.company != null) {
            company = other.company;
            if (other.getCompanyKey() != null || other.getAccountKey() != null) {
                rare().companyKey = other.getCompanyKey();
                rare().accountKey = other.getAccountKey();
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
        // nothing the duplicate brought is dropped: a number or address this profile has another of is kept beside it
        keepOther(true, other.phone);
        other.getOtherPhones().forEach(p -> keepOther(true, p));
        keepOther(false, other.email);
        other.getOtherEmails().forEach(e -> keepOther(false, e));
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
            rare().referrerId = other.rare.referrerId;
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
            engagement().fold((EngagementRecord) other.engagement);
        }
        if (other.behaviour != null) {
            behaviour().fold((BehaviourRecord) other.behaviour, halfLifeDays * (long) Times.DAY_MINUTES);
        }
        if (other.notes != null) {
            if (notes == null) {
                notes = new NotesRecord();
            }
            ((NotesRecord) notes).fold((NotesRecord) other.notes);
        }
        if (other.outreach != null) {
            outreach().foldConsent((OutreachRecord) other.outreach);
        }
        long otherBant = other.sales == null ? 0 : ((SalesRecord) other.sales).bantAmount();
        if (otherBant != 0 && (sales == null || ((SalesRecord) sales).bantAmount() == 0)) {
            sales().bantAmount(otherBant);
        }
    }

    /** Keeps a phone number (or e-mail address) of a merged duplicate that this profile does not know yet. */
    final void keepOther(boolean isPhone, String value) {
        if (value == null || value.equals(isPhone ? phone : email)
                || (isPhone ? getOtherPhones() : getOtherEmails()).contains(value)) {
            return;
        }
        Rare r = rare();
        String[] known = isPhone ? r.otherPhones : r.otherEmails;
        String[] more = known == null ? new String[1] : Arrays.copyOf(known, known.length + 1);
        more[more.length - 1] = value;
        if (isPhone) {
            r.otherPhones = more;
        } else {
            r.otherEmails = more;
        }
    }

    final void rememberInvalid(InvalidContact bad) {
        forgetInvalid(bad.field());
        Rare r = rare();
        r.invalidContacts = r.invalidContacts == null ? new InvalidContact[] {bad}
                : Arrays.copyOf(r.invalidContacts, r.invalidContacts.length + 1);
        r.invalidContacts[r.invalidContacts.length - 1] = bad;
    }

    final void forgetInvalid(String field) {
        if (invalidContact(field) != null) {
            InvalidContact[] rest = Arrays.stream(rare.invalidContacts).filter(ic -> !ic.field().equals(field))
                    .toArray(InvalidContact[]::new);
            rare.invalidContacts = rest.length == 0 ? null : rest;
        }
    }

    final void touch(ChannelTouch t) {
        Rare r = rare();
        r.touches = r.touches == null ? new ChannelTouch[] {t} : Arrays.copyOf(r.touches, r.touches.length + 1);
        r.touches[r.touches.length - 1] = t;
    }

    final Rare rare() {
        if (rare == null) {
            rare = new Rare();
        }
        return rare;
    }
}
