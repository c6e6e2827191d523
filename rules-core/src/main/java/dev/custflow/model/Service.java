package dev.custflow.model;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

/** A customer's service record: open tickets and rolling windows of complaints and returns. */
final class Service {
    List<OpenTicket> open;
    IntArrayList complaints;
    IntArrayList returns;
    int opened;
    int resolved;
    int firstContact;

    void open(String ticketId, TicketKind kind, long at, String severity) {
        if (open == null) {
            open = new ArrayList<>(1);
        }
        open.removeIf(t -> t.getTicketId().equals(ticketId)); // a re-opened ticket counts once
        open.add(new OpenTicket(ticketId, kind, at, severity == null ? null : severity.intern()));
        opened++;
        int minute = Times.minute(at);
        if (kind == TicketKind.COMPLAINT) {
            complaints = Windows.add(complaints, minute, Customer.WINDOW_KEEP_DAYS);
        } else if (kind.isReturnOrExchange()) {
            returns = Windows.add(returns, minute, Customer.WINDOW_KEEP_DAYS);
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
}
