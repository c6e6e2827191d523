package dev.custflow.internal.profile;

import dev.custflow.internal.snapshot.SnapshotInput;
import dev.custflow.internal.snapshot.SnapshotOutput;
import dev.custflow.model.OpenOrder;
import dev.custflow.model.OrderStatus;

/** The engine's open order: what rules read, plus the status and payment updates folded in. */
public final class OpenOrderRecord extends OpenOrder {
    OpenOrderRecord(String orderId, long placedAt, long amountCents, int promisedDay) {
        super(orderId, placedAt, amountCents, promisedDay);
    }

    void status(OrderStatus s, long at, String tracking) {
        this.status = s;
        this.statusAt = at;
        if (tracking != null) {
            this.trackingNo = tracking;
        }
    }

    void paid(long cents) {
        this.paidCents += cents;
    }

    long statusMillis() {
        return statusAt;
    }

    void write(SnapshotOutput o, long base) {
        o.writeString(orderId);
        o.writeTime(placedAt, base);
        o.writeSignedLong(amountCents);
        o.writeSignedInt(promisedDay);
        o.writeVarInt(status.ordinal());
        o.writeTime(statusAt, placedAt);
        o.writeSignedLong(paidCents);
        o.writeString(trackingNo);
    }

    static OpenOrderRecord read(SnapshotInput in, long base) {
        String id = in.readString();
        long placed = in.readTime(base);
        long amount = in.readSignedLong();
        int promised = in.readSignedInt();
        OpenOrderRecord o = new OpenOrderRecord(id, placed, amount, promised);
        o.status = OrderStatus.values()[in.readVarInt()];
        o.statusAt = in.readTime(placed);
        o.paidCents = in.readSignedLong();
        o.trackingNo = in.readString();
        return o;
    }
}
