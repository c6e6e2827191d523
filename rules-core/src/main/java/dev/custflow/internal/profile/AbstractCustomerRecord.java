package dev.custflow.internal.profile;

import dev.custflow.event.Event;
import dev.custflow.event.OrderStatusChanged;
import dev.custflow.internal.names.CompanyNames;
import dev.custflow.internal.snapshot.CustomerCodec;
import dev.custflow.internal.snapshot.SnapshotInput;
import dev.custflow.internal.snapshot.SnapshotOutput;
import dev.custflow.internal.snapshot.StateFormat;
import dev.custflow.model.ChannelTouch;
import dev.custflow.model.Customer;
import dev.custflow.model.InvalidContact;
import dev.custflow.model.Review;
import dev.custflow.model.Segment;
import dev.custflow.model.Stage;
import dev.custflow.model.Times;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What the engine keeps of its {@link CustomerRecord} besides the profile: the bookkeeping of the due-time index
 * and the assignment desk, the parts of a profile as the engine's writable classes, and the snapshot encoding of
 * every field. Split from {@code CustomerRecord}, which holds what changes a profile, to keep each file readable.
 *
 * <p>No method of the records is a bean setter ({@code setOwnerId}, {@code setNow}...): MVEL resolves a consequence's
 * {@code $c.ownerId = "r"} against the class it meets at run time, and would find one.
 */
public abstract class AbstractCustomerRecord extends Customer {
    /** Customers share ZoneId instances: a few zones serve millions of profiles. */
    private static final ConcurrentMap<String, ZoneId> ZONES = new ConcurrentHashMap<>();

    /** When the due-time index must wake this customer (epoch millis; MAX_VALUE for never). */
    long dueAt = Long.MAX_VALUE;
    /**
     * The slot in the due-time index plus one (0: none) and, in the sign bit, whether the assignment desk counts this
     * lead in its owner's open leads: one int rather than an int and a boolean, which would take a profile of the
     * common kind over an 8-byte boundary.
     */
    private int slotAndLoad;

    AbstractCustomerRecord(String id, long createdAt) {
        super(id, createdAt);
    }

    /** @return the shared instance of a time zone */
    static ZoneId zone(String id) {
        return ZONES.computeIfAbsent(id, ZoneId::of);
    }

    // ---------------------------------------------------------------- bookkeeping

    /** @param instant the engine's clock for the next rule evaluation */
    public void now(Instant instant) {
        this.now = instant.toEpochMilli();
    }

    /** @param millis the engine's clock in epoch millis, set without allocating */
    public void nowMillis(long millis) {
        this.now = millis;
    }

    /** @return when the due-time index wakes this customer (epoch millis; MAX_VALUE for never) */
    public long dueAt() {
        return dueAt;
    }

    /** @param millis when the due-time index wakes this customer */
    public void dueAt(long millis) {
        this.dueAt = millis;
    }

    /** @return this customer's slot in its partition's due-time index, or -1 */
    public int indexSlot() {
        return (slotAndLoad & Integer.MAX_VALUE) - 1;
    }

    /** @param slot the slot in the due-time index, or -1 */
    public void indexSlot(int slot) {
        this.slotAndLoad = slotAndLoad & Integer.MIN_VALUE | slot + 1;
    }

    /** @return true while this lead counts toward its owner's open-lead load */
    public boolean isLoadCounted() {
        return slotAndLoad < 0;
    }

    /** @param counted whether this lead counts toward its owner's open-lead load */
    public void loadCounted(boolean counted) {
        this.slotAndLoad = counted ? slotAndLoad | Integer.MIN_VALUE : slotAndLoad & Integer.MAX_VALUE;
    }

    /**
     * A status an order has already, or can no longer take (it was cancelled, returned or delivered), changes
     * nothing: the engine neither folds it in nor lets a rule hear it, so a status the host sends again, under a new
     * id and even at the same instant, acts like one never sent.
     *
     * @param event an event about this customer
     * @return true when it is such an order status
     */
    public boolean changesNothing(Event event) {
        return event instanceof OrderStatusChanged e && orders != null
                && orders().changesNothing(e.orderId(), e.status());
    }

    final OrdersRecord orders() {
        if (orders == null) {
            orders = new OrdersRecord();
        }
        return (OrdersRecord) orders;
    }

    final ServiceRecord service() {
        if (service == null) {
            service = new ServiceRecord();
        }
        return (ServiceRecord) service;
    }

    final OutreachRecord outreach() {
        if (outreach == null) {
            outreach = new OutreachRecord();
        }
        return (OutreachRecord) outreach;
    }

    final EngagementRecord engagement() {
        if (engagement == null) {
            engagement = new EngagementRecord();
        }
        return (EngagementRecord) engagement;
    }

    final Handling handling() {
        if (handling == null) {
            handling = new Handling();
        }
        return handling;
    }

    final LastSurvey lastSurvey() {
        if (lastSurvey == null) {
            lastSurvey = new LastSurvey();
        }
        return lastSurvey;
    }

    final SalesRecord sales() {
        if (sales == null) {
            sales = new SalesRecord();
        }
        return (SalesRecord) sales;
    }

    final BehaviourRecord behaviour() {
        if (behaviour == null) {
            behaviour = new BehaviourRecord();
        }
        return (BehaviourRecord) behaviour;
    }

    // ---------------------------------------------------------------- undoing a failed rule firing

    /**
     * The profile as it is now, for {@link #rollBack} when a rule that is about to fire fails half-way. Engine use
     * only.
     *
     * @return the profile in the snapshot encoding
     */
    public byte[] checkpoint() {
        SnapshotOutput o = new SnapshotOutput(512);
        writeSnapshot(o);
        return o.toByteArray();
    }

    /**
     * Puts back the profile a {@link #checkpoint} holds: every field of the read model, so a rule that changed the
     * customer and then failed leaves no trace. The engine's bookkeeping stays (its clock, the due-time slot, the
     * owner's load). Engine use only.
     *
     * @param checkpoint what {@link #checkpoint} returned for this profile
     */
    public void rollBack(byte[] checkpoint) {
        CustomerRecord was = readSnapshot(new SnapshotInput(checkpoint), StateFormat.VERSION);
        try {
            for (Class<?> k = Customer.class; k != Object.class; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    int m = f.getModifiers();
                    if (!Modifier.isStatic(m) && !Modifier.isFinal(m) && !f.getName().equals("now")) {
                        f.setAccessible(true);
                        f.set(this, f.get(was));
                    }
                }
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot restore the profile of " + id, e);
        }
    }

    /** Keeps what {@code part} of the profile is now in {@code u} ({@link FiringUndo#before}). */
    final void saveTo(FiringUndo u, FiringUndo.Part part) {
        switch (part) {
            case TAGS -> u.tags = tags;
            case NOTES -> u.notes = notes == null ? null : ((NotesRecord) notes).copy();
            case WARNINGS -> u.warnings = warnings == null ? null : ((WarningsRecord) warnings).copy();
            case STAGE -> {
                u.stage = stage;
                u.stageSince = stageSince;
                u.stageSetBy = getStageSetBy(); // a value: the handling part is written in place
                u.hist = hist; // replaced, never written in place, by every change (CustomerRecord#moveTo)
                u.histRules = histRules;
            }
            case SEGMENT -> u.segment = segment;
            case SCORE -> {
                u.score = score;
                u.grade = grade;
                u.reportedScore = getReportedScore();
                u.reportedGrade = getReportedGrade();
                u.scoreReportedAt = handling == null ? Times.NEVER : handling.scoreReportedAt;
            }
            default -> throw new IllegalArgumentException("the whole profile is saved as a checkpoint: " + part);
        }
    }

    /** Puts back what {@link #saveTo} kept of {@code part}. */
    final void restoreFrom(FiringUndo u, FiringUndo.Part part) {
        switch (part) {
            case TAGS -> tags = u.tags;
            case NOTES -> notes = u.notes;
            case WARNINGS -> warnings = u.warnings;
            case STAGE -> {
                stage = u.stage;
                stageSince = u.stageSince;
                if (u.stageSetBy != null || handling != null) {
                    handling().stageSetBy = u.stageSetBy;
                }
                hist = u.hist;
                histRules = u.histRules;
            }
            case SEGMENT -> segment = u.segment;
            case SCORE -> {
                score = u.score;
                grade = u.grade;
                if (u.reportedGrade != null || u.scoreReportedAt != Times.NEVER || handling != null) {
                    Handling h = handling();
                    h.reportedScore = u.reportedScore;
                    h.reportedGrade = u.reportedGrade;
                    h.scoreReportedAt = u.scoreReportedAt;
                }
            }
            default -> throw new IllegalArgumentException("the whole profile is restored by rollBack: " + part);
        }
    }

    // ---------------------------------------------------------------- snapshots

    /**
     * Writes every field of this profile in the snapshot encoding, after the format byte the caller writes
     * ({@code dev.custflow.internal.runtime.Snapshots}). The engine's clock ({@link #getNow()}) is not part of it: the
     * engine sets it before every evaluation. Engine use only.
     *
     * @param o where to write
     */
    public void writeSnapshot(SnapshotOutput o) {
        o.writeString(id);
        o.writeSignedLong(createdAt);
        o.writeTime(dueAt, createdAt);
        long present = bit(0, name) | bit(1, company) | bit(2, phone) | bit(3, email) | bit(4, rare)
                | bit(5, region) | bit(6, city) | bit(7, industry) | bit(8, title) | bit(9, channel)
                | bit(10, attributes) | bit(11, stage) | bit(12, hist) | bit(13, grade) | bit(14, ownerId)
                | bit(15, tags) | bit(16, orders) | bit(17, service) | bit(18, engagement) | bit(19, outreach)
                | bit(20, warnings) | bit(21, products) | bit(22, notes) | bit(23, segment) | bit(24, sales)
                | bit(25, behaviour) | bit(26, getLastReview()) | (isLoadCounted() ? 1L << 27 : 0)
                | ((rfmR | rfmF | rfmM) != 0 ? 1L << 28 : 0)
                | (surveyed() ? 1L << 29 : 0)
                | (stageSince != Times.NEVER ? 1L << 30 : 0) | (companySize != -1 ? 1L << 31 : 0)
                | (birthdayDay != Integer.MIN_VALUE ? 1L << 32 : 0) | (flags != 0 ? 1L << 33 : 0)
                | (score != 0 ? 1L << 34 : 0) | (ownerSinceMillis() != Times.NEVER ? 1L << 35 : 0)
                | bit(36, getStageSetBy()) | bit(37, getOwnerSetBy()) | bit(38, getReportedGrade());
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
            o.writeString(rare.referrerId); // format 2
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
        if (hist != null) {
            o.writeVarInt(histSize());
            for (int i = 0, n = histSize(); i < n; i++) {
                o.writeVarInt(histCode(histEntryAt(i)));
                o.writeTime(histAt(histEntryAt(i)), createdAt);
                o.writeString(histRule(i));
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
            ((OrdersRecord) orders).write(o, createdAt);
        }
        if (service != null) {
            ((ServiceRecord) service).write(o, createdAt);
        }
        if (engagement != null) {
            ((EngagementRecord) engagement).write(o, createdAt);
        }
        if (outreach != null) {
            ((OutreachRecord) outreach).write(o, createdAt);
        }
        if (warnings != null) {
            ((WarningsRecord) warnings).write(o);
        }
        if (products != null) {
            ((ProductsRecord) products).write(o, createdAt);
        }
        if (notes != null) {
            ((NotesRecord) notes).write(o);
        }
        if (segment != null) {
            o.writeVarInt(segment.ordinal());
        }
        if (sales != null) {
            ((SalesRecord) sales).write(o);
        }
        if (behaviour != null) {
            ((BehaviourRecord) behaviour).write(o);
        }
        if (getLastReview() != null) {
            o.writeVarInt(getLastReview().ordinal());
        }
        if ((rfmR | rfmF | rfmM) != 0) {
            o.writeByte(rfmR);
            o.writeByte(rfmF);
            o.writeByte(rfmM);
        }
        if (surveyed()) {
            o.writeByte(lastSurvey.nps);
            o.writeByte(lastSurvey.csat);
            o.writeTime(lastSurvey.at, createdAt);
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
        if (handling != null) {
            if (handling.ownerSince != Times.NEVER) {
                o.writeTime(handling.ownerSince, createdAt);
            }
            if (handling.stageSetBy != null) {
                o.writeString(handling.stageSetBy);
            }
            if (handling.ownerSetBy != null) {
                o.writeString(handling.ownerSetBy);
            }
            if (handling.reportedGrade != null) {
                o.writeString(handling.reportedGrade);
                o.writeSignedInt(handling.reportedScore);
                o.writeTime(handling.scoreReportedAt, createdAt);
            }
        }
        // version 2 (accounts): appended after everything version 1 wrote, so that a later step appends after it
        o.writeString(rare == null ? null : rare.accountKey);
        CustomerCodec.strings(o, rare == null || rare.otherPhones == null ? new String[0] : rare.otherPhones);
        CustomerCodec.strings(o, rare == null || rare.otherEmails == null ? new String[0] : rare.otherEmails);
        // version 3 (fulfilment): the orders' lines, timelines and reminders, closed orders, on-time figures
        if (orders != null) {
            ((OrdersRecord) orders).writeFulfilment(o, createdAt);
        }
    }

    private boolean surveyed() {
        return lastSurvey != null && (lastSurvey.nps != -1 || lastSurvey.csat != -1 || lastSurvey.at != Times.NEVER);
    }

    /** @return when the lead got its current rep, epoch millis, or {@link Times#NEVER} */
    public long ownerSinceMillis() {
        return handling == null ? Times.NEVER : handling.ownerSince;
    }

    private static long bit(int n, Object value) {
        return value == null ? 0 : 1L << n;
    }

    /**
     * Reads a profile written by {@link #writeSnapshot}: format version 3 (version 2 with the fulfilment state of
     * its orders appended: lines, status timelines, invoice and reminders, closed orders, on-time figures), 2 (version 1 with the optional fields
     * {@code ownerSince}, {@code stageSetBy}, {@code ownerSetBy} and the score last reported, the referrer a host's
     * code named, and, appended at its end, the account key and the other phones and e-mails) or version 1 (the
     * account key then derived from the company name; no reported score: it reported every change, so the score it
     * held counts as reported, long ago). Engine use only.
     *
     * @param in      the encoding, after the format byte
     * @param version the format version it was written in
     * @return the profile, outside any due-time index
     */
    public static CustomerRecord readSnapshot(SnapshotInput in, int version) {
        if (version < 1 || version > 3) {
            throw new IllegalArgumentException("unknown customer snapshot version " + version);
        }
        String id = in.readString();
        long created = in.readSignedLong();
        CustomerRecord c = new CustomerRecord(id, created);
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
            r.referrerId = version >= 2 ? in.readString() : null;
            String zone = in.readString();
            r.timeZone = zone == null ? null : zone(zone);
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
            c.hist = new long[n];
            String[] rules = new String[n];
            for (int i = 0; i < n; i++) {
                int code = (short) in.readVarInt() & 0xFFFF; // what was written as a short, as it was written
                c.hist[i] = histEntry(code, in.readTime(created));
                rules[i] = in.readInterned();
            }
            c.histRules = n == 1 ? rules[0] : rules;
        }
        c.grade = (present & 1L << 13) != 0 ? in.readInterned() : null;
        c.ownerId = (present & 1L << 14) != 0 ? in.readInterned() : null;
        c.tags = (present & 1L << 15) != 0 ? CustomerCodec.interned(in) : null;
        c.orders = (present & 1L << 16) != 0 ? OrdersRecord.read(in, created) : null;
        c.service = (present & 1L << 17) != 0 ? ServiceRecord.read(in, created) : null;
        c.engagement = (present & 1L << 18) != 0 ? EngagementRecord.read(in, created) : null;
        c.outreach = (present & 1L << 19) != 0 ? OutreachRecord.read(in, created) : null;
        c.warnings = (present & 1L << 20) != 0 ? WarningsRecord.read(in) : null;
        c.products = (present & 1L << 21) != 0 ? ProductsRecord.read(in, created) : null;
        c.notes = (present & 1L << 22) != 0 ? NotesRecord.read(in) : null;
        c.segment = (present & 1L << 23) != 0 ? Segment.values()[in.readVarInt()] : null;
        c.sales = (present & 1L << 24) != 0 ? SalesRecord.read(in) : null;
        c.behaviour = (present & 1L << 25) != 0 ? BehaviourRecord.read(in) : null;
        if ((present & 1L << 26) != 0) {
            c.lastSurvey().review = Review.values()[in.readVarInt()];
        }
        c.loadCounted((present & 1L << 27) != 0);
        if ((present & 1L << 28) != 0) {
            c.rfmR = (byte) in.readByte();
            c.rfmF = (byte) in.readByte();
            c.rfmM = (byte) in.readByte();
        }
        if ((present & 1L << 29) != 0) {
            LastSurvey s = c.lastSurvey();
            s.nps = (byte) in.readByte();
            s.csat = (byte) in.readByte();
            s.at = in.readTime(created);
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
        if ((present & 1L << 35) != 0) { // format version 2 on
            c.handling().ownerSince = in.readTime(created);
        }
        if ((present & 1L << 36) != 0) { // format version 2 on
            c.handling().stageSetBy = in.readInterned();
        }
        if ((present & 1L << 37) != 0) { // format version 2 on
            c.handling().ownerSetBy = in.readInterned();
        }
        if ((present & 1L << 38) != 0) {
            Handling h = c.handling();
            h.reportedGrade = in.readInterned();
            h.reportedScore = in.readSignedInt();
            h.scoreReportedAt = in.readTime(created);
        } else if (version == 1 && c.grade != null) {
            c.handling().reportedGrade = c.grade;
            c.handling().reportedScore = c.score;
        }
        if (version >= 2) {
            String account = in.readString();
            String[] phones = CustomerCodec.strings(in);
            String[] emails = CustomerCodec.strings(in);
            if (account != null || phones.length > 0 || emails.length > 0) {
                Rare r = c.rare == null ? new Rare() : c.rare;
                r.accountKey = account;
                r.otherPhones = phones.length == 0 ? null : phones;
                r.otherEmails = emails.length == 0 ? null : emails;
                c.rare = r;
            }
        } else if (c.company != null) {
            String account = CompanyNames.accountKey(c.company); // version 1 had no accounts: derived as now
            if (account != null) {
                if (c.rare == null) {
                    c.rare = new Rare();
                }
                c.rare.accountKey = account;
            }
        }
        if (version >= 3 && c.orders != null) {
            ((OrdersRecord) c.orders).readFulfilment(in, created);
        }
        c.hist = c.histOf(c.hist); // the stage and its time are read after the history
        return c;
    }
}
