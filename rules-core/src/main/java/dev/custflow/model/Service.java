package dev.custflow.model;

import java.util.List;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

/**
 * A customer's service record: open tickets and rolling windows of complaints and returns. Engine use: rules read
 * it through {@link Customer}; the engine's subclass writes it.
 */
public abstract class Service {
    protected List<OpenTicket> open;
    protected IntArrayList complaints;
    protected IntArrayList returns;
    protected int opened;
    protected int resolved;
    protected int firstContact;

    /** Only the engine creates service records. */
    protected Service() {
    }

    final int openComplaints() {
        if (open == null) {
            return 0;
        }
        int n = 0;
        for (OpenTicket t : open) {
            if (t.getKind() == TicketKind.COMPLAINT) {
                n++;
            }
        }
        return n;
    }
}
