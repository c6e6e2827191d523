package dev.custflow.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
final class Router {
    /** Where an event goes. {@code customerId} is null for broadcast events. */
    record Route(String customerId, boolean broadcast) {
    }

    private final SeenIds seen;
    private final Cache<String, String> orderOwners;
    private final Cache<String, String> ticketOwners;

    Router(int dedupWindow, int referenceIndexSize) {
        this.seen = new SeenIds(dedupWindow);
        // the engine routes on one thread at a time: upkeep on that thread beats handing it to a pool
        this.orderOwners = Caffeine.newBuilder().maximumSize(referenceIndexSize).executor(Runnable::run).build();
        this.ticketOwners = Caffeine.newBuilder().maximumSize(referenceIndexSize).executor(Runnable::run).build();
    }

    /**
     * Writes the recent event ids and the order and ticket owners, least recently used first, so that a restored
     * router forgets them in the same order.
     */
    void write(SnapshotOutput o) {
        seen.write(o);
        writeOwners(o, orderOwners);
        writeOwners(o, ticketOwners);
    }

    void read(SnapshotInput in) {
        seen.read(in);
        readOwners(in, orderOwners);
        readOwners(in, ticketOwners);
    }

    /** Writes the count, then the entries coldest first, streamed from the cache (no copy of it). */
    private static void writeOwners(SnapshotOutput o, Cache<String, String> owners) {
        owners.cleanUp();
        SnapshotOutput entries = new SnapshotOutput(4096);
        int n = owners.policy().eviction().orElseThrow().coldest(stream -> {
            int[] count = {0};
            stream.forEach(e -> {
                entries.writeString(e.getKey());
                entries.writeString(e.getValue());
                count[0]++;
            });
            return count[0];
        });
        o.writeVarInt(n);
        o.writeRaw(entries);
    }

    private static void readOwners(SnapshotInput in, Cache<String, String> owners) {
        int n = in.readVarInt();
        for (int i = 0; i < n; i++) {
            owners.put(in.readString(), in.readString());
        }
    }

    /** Prepares for a commit at every call (see {@link SeenIds#keepForSnapshots()}). */
    void keepForSnapshots() {
        seen.keepForSnapshots();
    }

    /** @return true if the id was already seen (the event must be ignored) */
    boolean isDuplicate(Event e) {
        return seen.contains(e.id());
    }

    /**
     * Routes an accepted event and remembers its id.
     *
     * @throws EventRejectedException if it refers to an unknown order or ticket, or re-places an order
     */
    Route route(Event e) {
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
            String owner = orderOwners.getIfPresent(o.orderId());
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

    private static String owner(Event e, String given, Cache<String, String> index, String field, String ref,
                                String what) {
        String known = index.getIfPresent(ref);
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
