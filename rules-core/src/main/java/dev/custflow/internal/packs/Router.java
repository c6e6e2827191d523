package dev.custflow.internal.packs;

import dev.custflow.internal.snapshot.StateFormat;

import dev.custflow.internal.index.OwnerIndex;
import dev.custflow.internal.index.SeenIds;
import dev.custflow.internal.snapshot.SnapshotInput;
import dev.custflow.internal.snapshot.SnapshotOutput;

import dev.custflow.EventRejectedException;
import dev.custflow.event.CampaignLaunched;
import dev.custflow.event.ClockTick;
import dev.custflow.event.Event;
import dev.custflow.event.OrderPlaced;
import dev.custflow.event.OrderStatusChanged;
import dev.custflow.event.PaymentReceived;
import dev.custflow.event.RepUpdated;
import dev.custflow.event.TicketOpened;
import dev.custflow.event.TicketResolved;

/**
 * Decides, in stream order, what happens to each event before any rule runs: a duplicate id is
 * ignored, an order or ticket follow-up is matched to its customer, and the event is routed to the
 * customer's partition (or to all, for reps, campaigns and ticks). Every check that can reject an
 * event happens here, so a rejected event has changed nothing.
 */
public final class Router {
    /** Where an event goes. {@code customerId} is null for broadcast events. */
    public record Route(String customerId, boolean broadcast) {
    }

    private final SeenIds seen;
    private final OwnerIndex orderOwners;
    private final OwnerIndex ticketOwners;

    public Router(int dedupWindow, int referenceIndexSize) {
        this.seen = new SeenIds(dedupWindow);
        this.orderOwners = new OwnerIndex(referenceIndexSize);
        this.ticketOwners = new OwnerIndex(referenceIndexSize);
    }

    /** Reads what format version 1 wrote: the recent event ids, then the order and ticket owners. */
    public void read(SnapshotInput in) {
        seen.read(in);
        orderOwners.read(in);
        ticketOwners.read(in);
    }

    /** Writes where the event-id window and the owner indexes stand (part of the engine's "state" part). */
    public void writeHeader(SnapshotOutput o) {
        seen.writeHeader(o);
        orderOwners.writeHeader(o);
        ticketOwners.writeHeader(o);
    }

    /** Writes the segments of the event-id window and the owner indexes that changed since the last commit. */
    public void writeParts(java.util.Map<String, byte[]> out, java.util.Set<String> gone) {
        seen.writeParts(StateFormat.EVENT_IDS, out, gone);
        orderOwners.writeParts(StateFormat.ORDER_OWNERS, out, gone);
        ticketOwners.writeParts(StateFormat.TICKET_OWNERS, out, gone);
    }

    /** Restores what {@link #writeHeader} and {@link #writeParts} wrote. */
    public void restore(SnapshotInput header, java.util.Map<String, byte[]> parts) {
        seen.restore(header, parts, StateFormat.EVENT_IDS);
        orderOwners.restore(header, parts, StateFormat.ORDER_OWNERS);
        ticketOwners.restore(header, parts, StateFormat.TICKET_OWNERS);
    }

    /** Prepares for a commit at every call (see {@link SeenIds#keepForSnapshots()}). */
    public void keepForSnapshots() {
        seen.keepForSnapshots();
    }

    /**
     * Forgets the owners of orders and tickets placed or opened by erased customers: a follow-up that names only
     * the order is then refused as unknown, rather than bringing the person back.
     *
     * @param customerIds the erased ids
     */
    public void forget(java.util.Set<String> customerIds) {
        orderOwners.forgetOwners(customerIds);
        ticketOwners.forgetOwners(customerIds);
    }

    /** Reads ahead of {@link #isDuplicate}: see {@link SeenIds#peek}. */
    public long peek(Event e) {
        return seen.peek(e.id());
    }

    /** @return true if the id was already seen (the event must be ignored) */
    public boolean isDuplicate(Event e) {
        return seen.contains(e.id());
    }

    /**
     * Routes an accepted event and remembers its id.
     *
     * @throws EventRejectedException if it refers to an unknown order or ticket, or re-places an order
     */
    public Route route(Event e) {
        Route r = resolve(e);
        seen.add(e.id());
        if (e instanceof OrderPlaced o) {
            orderOwners.put(o.orderId(), o.customerId());
        } else if (e instanceof TicketOpened t) {
            ticketOwners.put(t.ticketId(), t.customerId());
        }
        return r;
    }

    private Route resolve(Event e) {
        if (e instanceof RepUpdated || e instanceof CampaignLaunched || e instanceof ClockTick) {
            return new Route(null, true);
        }
        if (e instanceof OrderPlaced o) {
            String owner = orderOwners.get(o.orderId());
            if (owner != null) {
                throw new EventRejectedException(0, e.type(), e.id(), "orderId", o.orderId(), owner.equals(o.customerId())
                        ? "this order was already placed; an order is placed once.\nSend OrderStatusChanged for "
                        + "changes to it."
                        : "this order id already belongs to customer " + owner);
            }
            return new Route(o.customerId(), false);
        }
        if (e instanceof OrderStatusChanged s) {
            return new Route(owner(e, s.customerId(), orderOwners, "orderId", s.orderId(), "order"), false);
        }
        if (e instanceof PaymentReceived p) {
            return new Route(owner(e, p.customerId(), orderOwners, "orderId", p.orderId(), "order"), false);
        }
        if (e instanceof TicketResolved t) {
            return new Route(owner(e, t.customerId(), ticketOwners, "ticketId", t.ticketId(), "ticket"), false);
        }
        return new Route(e.subjectId(), false);
    }

    private static String owner(Event e, String given, OwnerIndex index, String field, String ref,
                                String what) {
        String known = index.get(ref);
        if (given != null) {
            if (known != null && !known.equals(given)) {
                throw new EventRejectedException(0, e.type(), e.id(), "customerId", given,
                        "this " + what + " belongs to customer " + known);
            }
            return given;
        }
        if (known == null) {
            throw new EventRejectedException(0, e.type(), e.id(), field, ref, "unknown " + what
                    + ": it was never seen, or too long ago to be remembered.\nSend its customerId with the event.");
        }
        return known;
    }
}
