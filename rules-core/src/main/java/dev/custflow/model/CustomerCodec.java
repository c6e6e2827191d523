package dev.custflow.model;

import dev.custflow.action.Channel;
import dev.custflow.action.MessageRequested;
import dev.custflow.action.Template;
import dev.custflow.internal.snapshot.SnapshotInput;
import dev.custflow.internal.snapshot.SnapshotOutput;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

/**
 * The snapshot encoding of a customer's parts (orders, service, engagement, outreach, warnings, products, notes,
 * sales, behaviour); {@link Customer#writeSnapshot} writes the rest. Times are written against the customer's
 * creation time, minute lists as differences from one entry to the next, so a typical profile takes a few hundred
 * bytes. Enums are written by ordinal: a new constant goes at the end, and reordering one needs a new format
 * version (SnapshotFixtureTest pins version 1).
 */
final class CustomerCodec {
    private CustomerCodec() {
    }

    // ---------------------------------------------------------------- primitive lists

    static void minutes(SnapshotOutput o, IntArrayList l, int base) {
        o.writeVarInt(l.size());
        int prev = base;
        for (int i = 0; i < l.size(); i++) {
            o.writeSignedLong((long) l.get(i) - prev);
            prev = l.get(i);
        }
    }

    static IntArrayList minutes(SnapshotInput in, int base) {
        int n = in.readVarInt();
        IntArrayList l = new IntArrayList(Math.max(n, 2));
        long prev = base;
        for (int i = 0; i < n; i++) {
            prev += in.readSignedLong();
            l.add((int) prev);
        }
        return l;
    }

    static void minutesInto(SnapshotInput in, IntArrayList l, int base) {
        l.addAll(minutes(in, base));
    }

    static void ints(SnapshotOutput o, int[] a) {
        o.writeVarInt(a.length);
        for (int v : a) {
            o.writeSignedInt(v);
        }
    }

    static int[] ints(SnapshotInput in) {
        int[] a = new int[in.readVarInt()];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readSignedInt();
        }
        return a;
    }

    static void strings(SnapshotOutput o, String[] a) {
        o.writeVarInt(a.length);
        for (String s : a) {
            o.writeString(s);
        }
    }

    static String[] interned(SnapshotInput in) {
        String[] a = new String[in.readVarInt()];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readInterned();
        }
        return a;
    }

    static void decimal(SnapshotOutput o, BigDecimal d) {
        o.writeString(d == null ? null : d.toPlainString());
    }

    static BigDecimal decimal(SnapshotInput in) {
        String s = in.readString();
        return s == null ? null : new BigDecimal(s);
    }

    // ---------------------------------------------------------------- parts

    static void orders(SnapshotOutput o, Orders x, long base) {
        int baseMinute = Times.minute(base);
        minutes(o, x.minutes, baseMinute);
        o.writeVarInt(x.cents.size());
        for (int i = 0; i < x.cents.size(); i++) {
            o.writeSignedLong(x.cents.get(i));
        }
        o.writeVarInt(x.count);
        o.writeSignedLong(x.totalCents);
        o.writeTime(x.firstAt, base);
        o.writeTime(x.lastAt, base);
        o.writeTime(x.lastDeliveredAt, base);
        o.writeVarInt(x.returned);
        List<OpenOrder> open = x.open;
        o.writeVarInt(open == null ? 0 : open.size() + 1); // 0: null, 1: an empty list
        if (open != null) {
            for (OpenOrder oo : open) {
                oo.write(o, base);
            }
        }
    }

    static Orders orders(SnapshotInput in, long base) {
        Orders x = new Orders();
        x.minutes.addAll(minutes(in, Times.minute(base)));
        int n = in.readVarInt();
        for (int i = 0; i < n; i++) {
            x.cents.add(in.readSignedLong());
        }
        x.count = in.readVarInt();
        x.totalCents = in.readSignedLong();
        x.firstAt = in.readTime(base);
        x.lastAt = in.readTime(base);
        x.lastDeliveredAt = in.readTime(base);
        x.returned = in.readVarInt();
        int open = in.readVarInt();
        if (open > 0) {
            x.open = new ArrayList<>(Math.max(1, open - 1));
            for (int i = 0; i < open - 1; i++) {
                x.open.add(OpenOrder.read(in, base));
            }
        }
        return x;
    }

    static void service(SnapshotOutput o, Service x, long base) {
        o.writeVarInt(x.open == null ? 0 : x.open.size() + 1);
        if (x.open != null) {
            for (OpenTicket t : x.open) {
                o.writeString(t.getTicketId());
                o.writeVarInt(t.getKind().ordinal());
                o.writeTime(t.openedMillis(), base);
                o.writeString(t.getSeverity());
            }
        }
        int baseMinute = Times.minute(base);
        o.writeBoolean(x.complaints != null);
        if (x.complaints != null) {
            minutes(o, x.complaints, baseMinute);
        }
        o.writeBoolean(x.returns != null);
        if (x.returns != null) {
            minutes(o, x.returns, baseMinute);
        }
        o.writeVarInt(x.opened);
        o.writeVarInt(x.resolved);
        o.writeVarInt(x.firstContact);
    }

    static Service service(SnapshotInput in, long base) {
        Service x = new Service();
        int open = in.readVarInt();
        if (open > 0) {
            x.open = new ArrayList<>(Math.max(1, open - 1));
            for (int i = 0; i < open - 1; i++) {
                x.open.add(new OpenTicket(in.readString(), TicketKind.values()[in.readVarInt()], in.readTime(base),
                        in.readInterned()));
            }
        }
        int baseMinute = Times.minute(base);
        if (in.readBoolean()) {
            x.complaints = minutes(in, baseMinute);
        }
        if (in.readBoolean()) {
            x.returns = minutes(in, baseMinute);
        }
        x.opened = in.readVarInt();
        x.resolved = in.readVarInt();
        x.firstContact = in.readVarInt();
        return x;
    }

    static void engagement(SnapshotOutput o, Engagement x, long base) {
        minutes(o, x.minutes, Times.minute(base));
        o.writeTime(x.lastAt, base);
        o.writeTime(x.lastRepContactAt, base);
        o.writeVarInt(x.count);
    }

    static Engagement engagement(SnapshotInput in, long base) {
        Engagement x = new Engagement();
        minutesInto(in, x.minutes, Times.minute(base));
        x.lastAt = in.readTime(base);
        x.lastRepContactAt = in.readTime(base);
        x.count = in.readVarInt();
        return x;
    }

    static void outreach(SnapshotOutput o, Outreach x, long base) {
        o.writeByte(x.optedOut);
        minutes(o, x.marketingSent, Times.minute(base));
        int held = x.held == null ? 0 : x.held.size();
        o.writeVarInt(x.held == null ? 0 : held + 1);
        for (int i = 0; i < held; i++) {
            MessageRequested m = x.held.get(i);
            o.writeString(m.id());
            o.writeTime(m.at().toEpochMilli(), base);
            o.writeString(m.rule());
            o.writeString(m.reason());
            o.writeString(m.customerId());
            o.writeVarInt(m.channel() == null ? 0 : m.channel().ordinal() + 1);
            o.writeVarInt(m.template() == null ? 0 : m.template().ordinal() + 1);
            o.writeVarInt(m.params().size());
            m.params().forEach((k, v) -> {
                o.writeString(k);
                o.writeString(v);
            });
        }
        o.writeVarInt(x.heldUntil.length);
        for (long u : x.heldUntil) {
            o.writeTime(u, base);
        }
    }

    static Outreach outreach(SnapshotInput in, long base) {
        Outreach x = new Outreach();
        x.optedOut = (byte) in.readByte();
        minutesInto(in, x.marketingSent, Times.minute(base));
        int held = in.readVarInt();
        if (held > 0) {
            x.held = new ArrayList<>(Math.max(2, held - 1));
            for (int i = 0; i < held - 1; i++) {
                String id = in.readString();
                Instant at = Instant.ofEpochMilli(in.readTime(base));
                String rule = in.readInterned();
                String reason = in.readString();
                String customerId = in.readString();
                int ch = in.readVarInt();
                int tpl = in.readVarInt();
                int params = in.readVarInt();
                Map<String, String> p = new LinkedHashMap<>();
                for (int k = 0; k < params; k++) {
                    p.put(in.readString(), in.readString());
                }
                x.held.add(new MessageRequested(id, at, rule, reason, customerId,
                        ch == 0 ? null : Channel.values()[ch - 1], tpl == 0 ? null : Template.values()[tpl - 1], p));
            }
        }
        x.heldUntil = new long[in.readVarInt()];
        for (int i = 0; i < x.heldUntil.length; i++) {
            x.heldUntil[i] = in.readTime(base);
        }
        return x;
    }

    static void warnings(SnapshotOutput o, Warnings x) {
        strings(o, x.causes);
        o.writeVarInt(x.levels.length);
        for (byte b : x.levels) {
            o.writeByte(b);
        }
    }

    static Warnings warnings(SnapshotInput in) {
        Warnings x = new Warnings();
        String[] causes = interned(in);
        if (causes.length > 0) {
            x.causes = causes;
        }
        x.levels = new byte[in.readVarInt()];
        for (int i = 0; i < x.levels.length; i++) {
            x.levels[i] = (byte) in.readByte();
        }
        return x;
    }

    static void products(SnapshotOutput o, Products x, long base) {
        int baseMinute = Times.minute(base);
        strings(o, x.skus);
        for (int i = 0; i < x.skus.length; i++) {
            o.writeSignedLong((long) x.firstMinute[i] - baseMinute);
            o.writeSignedLong((long) x.lastMinute[i] - x.firstMinute[i]);
        }
    }

    static Products products(SnapshotInput in, long base) {
        int baseMinute = Times.minute(base);
        Products x = new Products();
        x.skus = interned(in);
        x.firstMinute = new int[x.skus.length];
        x.lastMinute = new int[x.skus.length];
        for (int i = 0; i < x.skus.length; i++) {
            x.firstMinute[i] = (int) (baseMinute + in.readSignedLong());
            x.lastMinute[i] = (int) (x.firstMinute[i] + in.readSignedLong());
        }
        return x;
    }

    static void notes(SnapshotOutput o, Notes x) {
        o.writeVarInt(x.hashes.length);
        for (long h : x.hashes) {
            o.writeLong(h);
        }
    }

    static Notes notes(SnapshotInput in) {
        Notes x = new Notes();
        x.hashes = new long[in.readVarInt()];
        for (int i = 0; i < x.hashes.length; i++) {
            x.hashes[i] = in.readLong();
        }
        return x;
    }

    static void sales(SnapshotOutput o, Sales x) {
        o.writeSignedLong(x.bantAmountCents);
        o.writeString(x.openOpportunityId);
        o.writeVarInt(x.won);
        o.writeVarInt(x.lost);
        o.writeVarInt(x.referralsRewarded);
        o.writeVarInt(x.contracts == null ? 0 : x.contracts.size() + 1);
        if (x.contracts != null) {
            for (Contract c : x.contracts) {
                o.writeString(c.contractId());
                o.writeBoolean(c.expiresOn() != null);
                if (c.expiresOn() != null) {
                    o.writeSignedLong(c.expiresOn().toEpochDay());
                }
                decimal(o, c.amount());
            }
        }
    }

    static Sales sales(SnapshotInput in) {
        Sales x = new Sales();
        x.bantAmountCents = in.readSignedLong();
        x.openOpportunityId = in.readString();
        x.won = in.readVarInt();
        x.lost = in.readVarInt();
        x.referralsRewarded = in.readVarInt();
        int n = in.readVarInt();
        if (n > 0) {
            x.contracts = new ArrayList<>(Math.max(1, n - 1));
            for (int i = 0; i < n - 1; i++) {
                String id = in.readString();
                LocalDate expires = in.readBoolean() ? LocalDate.ofEpochDay(in.readSignedLong()) : null;
                x.contracts.add(new Contract(id, expires, decimal(in)));
            }
        }
        return x;
    }

    static void behaviour(SnapshotOutput o, Behaviour x) {
        o.writeSignedLong(x.milli);
        o.writeSignedInt(x.minute);
        strings(o, x.what);
        ints(o, x.count);
    }

    static Behaviour behaviour(SnapshotInput in) {
        Behaviour x = new Behaviour();
        x.milli = in.readSignedLong();
        x.minute = in.readSignedInt();
        x.what = interned(in);
        x.count = ints(in);
        return x;
    }
}
