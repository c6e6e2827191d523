package dev.custflow.internal.profile;

import dev.custflow.internal.snapshot.CustomerCodec;
import dev.custflow.internal.snapshot.SnapshotInput;
import dev.custflow.internal.snapshot.SnapshotOutput;
import dev.custflow.model.OpenTicket;
import dev.custflow.model.Service;
import dev.custflow.model.TicketKind;
import dev.custflow.model.Times;
import java.util.ArrayList;

/** The engine's service record: tickets opened and resolved, returns, folded in. */
final class ServiceRecord extends Service {
    /** Complaints and returns older than this leave the rolling windows. */
    static final int WINDOW_KEEP_DAYS = 400;

    void open(String ticketId, TicketKind kind, long at, String severity) {
        if (open == null) {
            open = new ArrayList<>(1);
        }
        open.removeIf(t -> t.getTicketId().equals(ticketId)); // a re-opened ticket counts once
        open.add(new OpenTicket(ticketId, kind, at, severity == null ? null : severity.intern()));
        opened++;
        int minute = Times.minute(at);
        if (kind == TicketKind.COMPLAINT) {
            complaints = MinuteLists.add(complaints, minute, WINDOW_KEEP_DAYS);
        } else if (kind.isReturnOrExchange()) {
            returns = MinuteLists.add(returns, minute, WINDOW_KEEP_DAYS);
        }
    }

    void resolve(String ticketId, boolean atFirstContact) {
        if (open != null && open.removeIf(t -> t.getTicketId().equals(ticketId))) {
            resolved++;
            if (atFirstContact) {
                firstContact++;
            }
            if (open.isEmpty()) {
                open = null;
            }
        }
    }

    /** A returned order counts in the returns window like a return ticket. */
    void returned(long at) {
        returns = MinuteLists.add(returns, Times.minute(at), WINDOW_KEEP_DAYS);
    }

    void write(SnapshotOutput o, long base) {
        o.writeVarInt(open == null ? 0 : open.size() + 1);
        if (open != null) {
            for (OpenTicket t : open) {
                o.writeString(t.getTicketId());
                o.writeVarInt(t.getKind().ordinal());
                o.writeTime(t.getOpenedAt().toEpochMilli(), base);
                o.writeString(t.getSeverity());
            }
        }
        int baseMinute = Times.minute(base);
        o.writeBoolean(complaints != null);
        if (complaints != null) {
            CustomerCodec.minutes(o, complaints, baseMinute);
        }
        o.writeBoolean(returns != null);
        if (returns != null) {
            CustomerCodec.minutes(o, returns, baseMinute);
        }
        o.writeVarInt(opened);
        o.writeVarInt(resolved);
        o.writeVarInt(firstContact);
    }

    static ServiceRecord read(SnapshotInput in, long base) {
        ServiceRecord x = new ServiceRecord();
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
            x.complaints = CustomerCodec.minutes(in, baseMinute);
        }
        if (in.readBoolean()) {
            x.returns = CustomerCodec.minutes(in, baseMinute);
        }
        x.opened = in.readVarInt();
        x.resolved = in.readVarInt();
        x.firstContact = in.readVarInt();
        return x;
    }
}
