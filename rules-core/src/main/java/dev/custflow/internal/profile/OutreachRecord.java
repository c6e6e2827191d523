package dev.custflow.internal.profile;

import dev.custflow.model.Channel;
import dev.custflow.action.MessageRequested;
import dev.custflow.action.Template;
import dev.custflow.internal.snapshot.CustomerCodec;
import dev.custflow.internal.snapshot.SnapshotInput;
import dev.custflow.internal.snapshot.SnapshotOutput;
import dev.custflow.model.Outreach;
import dev.custflow.model.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The engine's outreach record: opt-outs, marketing sends for the cap, and the messages held for quiet hours. */
final class OutreachRecord extends Outreach {
    /** Messages held until quiet hours end, parallel to {@link #heldUntil}, in request order. */
    private List<MessageRequested> held;

    @Override
    protected int heldCount() {
        return held == null ? 0 : held.size();
    }

    /** Takes over another profile's channel opt-outs (a merge): an opt-out is never lost. */
    void foldConsent(OutreachRecord other) {
        optedOut |= other.optedOut;
    }

    void consent(Channel c, boolean out) {
        optedOut = (byte) (out ? optedOut | (1 << c.ordinal()) : optedOut & ~(1 << c.ordinal()));
    }

    void recordMarketing(int minute, int forgetBefore) {
        int i = marketingSent.size();
        while (i > 0 && marketingSent.get(i - 1) > minute) {
            i--;
        }
        marketingSent.addAtIndex(i, minute);
        while (!marketingSent.isEmpty() && marketingSent.get(0) <= forgetBefore) {
            marketingSent.removeAtIndex(0);
        }
    }

    void hold(MessageRequested m, long until) {
        if (held == null) {
            held = new ArrayList<>(2);
        }
        held.add(m);
        long[] u = new long[heldUntil.length + 1];
        System.arraycopy(heldUntil, 0, u, 0, heldUntil.length);
        u[heldUntil.length] = until;
        heldUntil = u;
    }

    /**
     * Removes and returns the held messages due at {@code clock}, in the order they were requested,
     * each stamped with the instant it was released (its id stays: it is the same message).
     */
    List<MessageRequested> release(long clock) {
        if (held == null || held.isEmpty()) {
            return List.of();
        }
        List<MessageRequested> out = new ArrayList<>();
        List<MessageRequested> keep = new ArrayList<>();
        long[] keepUntil = new long[heldUntil.length];
        int k = 0;
        for (int i = 0; i < held.size(); i++) {
            if (heldUntil[i] <= clock) {
                MessageRequested m = held.get(i);
                out.add(new MessageRequested(m.id(), Instant.ofEpochMilli(heldUntil[i]), m.rule(),
                        m.reason(), m.customerId(), m.channel(), m.template(), m.params()));
            } else {
                keep.add(held.get(i));
                keepUntil[k++] = heldUntil[i];
            }
        }
        held = keep.isEmpty() ? null : keep;
        heldUntil = Arrays.copyOf(keepUntil, k);
        return out;
    }

    void write(SnapshotOutput o, long base) {
        o.writeByte(optedOut);
        CustomerCodec.minutes(o, marketingSent, Times.minute(base));
        int n = held == null ? 0 : held.size();
        o.writeVarInt(held == null ? 0 : n + 1);
        for (int i = 0; i < n; i++) {
            MessageRequested m = held.get(i);
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
        o.writeVarInt(heldUntil.length);
        for (long u : heldUntil) {
            o.writeTime(u, base);
        }
    }

    static OutreachRecord read(SnapshotInput in, long base) {
        OutreachRecord x = new OutreachRecord();
        x.optedOut = (byte) in.readByte();
        CustomerCodec.minutesInto(in, x.marketingSent, Times.minute(base));
        int n = in.readVarInt();
        if (n > 0) {
            x.held = new ArrayList<>(Math.max(2, n - 1));
            for (int i = 0; i < n - 1; i++) {
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
}
