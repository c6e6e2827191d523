package dev.custflow.insights.internal;

import dev.custflow.action.Action;
import dev.custflow.action.LeadAssigned;
import dev.custflow.action.LeadReassigned;
import dev.custflow.action.LeadScored;
import dev.custflow.action.OpportunityCreated;
import dev.custflow.action.ReferralRewarded;
import dev.custflow.action.SegmentChanged;
import dev.custflow.action.SlaEscalated;
import dev.custflow.action.StageChanged;
import dev.custflow.event.CustomerErased;
import dev.custflow.event.Event;
import dev.custflow.event.InteractionLogged;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.OpportunityClosed;
import dev.custflow.event.OrderPlaced;
import dev.custflow.event.OrderStatusChanged;
import dev.custflow.event.ProfileUpdated;
import dev.custflow.event.RepUpdated;
import dev.custflow.event.SurveyAnswered;
import dev.custflow.event.TicketOpened;
import dev.custflow.event.TicketResolved;
import dev.custflow.insights.Granularity;
import dev.custflow.insights.OrderCosts;
import dev.custflow.model.OrderStatus;
import dev.custflow.model.Outcome;
import dev.custflow.model.Stage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns what the engine accepted and decided into facts on the ledger (docs/kpis.md defines each). Keeps what it
 * needs per customer, order and ticket to attribute facts and to count each thing once. Not thread-safe.
 */
final class Fold {
    private final Ledger ledger;
    private final int mqlThreshold;
    private final OrderCosts costs;
    /** Sorted so that customer lists come out in id order without sorting a million rows per query. */
    final TreeMap<String, CustomerState> customers = new TreeMap<>();
    /** The customers each rep owns now, and those shared with each partner: lists of a scope without a scan. */
    final Map<String, TreeMap<String, CustomerState>> byOwner = new HashMap<>();
    final Map<Integer, TreeMap<String, CustomerState>> byPartner = new HashMap<>();
    private final Map<String, Order> orders = new HashMap<>();
    private final Map<String, String> openTickets = new HashMap<>();

    /** An order as far as the KPIs need it. */
    private static final class Order {
        final String customerId;
        final long cents;
        final long costCents;
        final LocalDate promised;
        boolean delivered;
        boolean reversed;

        Order(String customerId, long cents, long costCents, LocalDate promised) {
            this.customerId = customerId;
            this.cents = cents;
            this.costCents = costCents;
            this.promised = promised;
        }
    }

    Fold(Ledger ledger, int mqlThreshold, OrderCosts costs) {
        this.ledger = ledger;
        this.mqlThreshold = mqlThreshold;
        this.costs = costs;
    }

    /** Folds one accepted event and the actions it caused: owners first, then the event, then the rest. */
    void event(Event event, List<Action> actions) {
        for (Action a : actions) {
            if (a instanceof LeadAssigned || a instanceof LeadReassigned) {
                action(a);
            }
        }
        fold(event, actions);
        for (Action a : actions) {
            if (!(a instanceof LeadAssigned || a instanceof LeadReassigned)) {
                action(a);
            }
        }
        ledger.flush();
    }

    void timeActions(List<Action> actions) {
        for (Action a : actions) {
            action(a);
        }
        ledger.flush();
    }

    private void fold(Event event, List<Action> actions) {
        if (event instanceof LeadCaptured e) {
            CustomerState c = customer(e.leadId());
            personal(c, e.name(), e.phone(), e.email());
            moveRegion(c, e.region(), e.at());
            if (!c.lead) {
                c.lead = true;
                c.capturedAtSecond = e.at().getEpochSecond();
                if (c.channel == null) { // a customer known by its orders first: its base moves to the channel
                    moveStock(c, e.at(), () -> c.channel = e.channel());
                }
                count(c, e.at(), Slots.LEADS, 1);
            }
        } else if (event instanceof ProfileUpdated e) {
            CustomerState c = customer(e.customerId());
            personal(c, e.name(), e.phone(), e.email());
            moveRegion(c, e.region(), e.at());
        } else if (event instanceof InteractionLogged e) {
            CustomerState c = customers.get(e.customerId());
            if (c != null && c.slaPending && e.kind().isRepContact() && !escalated(c.id, actions)) {
                c.slaPending = false;
                c.slaDecided = true;
                count(c, e.at(), Slots.SLA_MET, 1);
                count(c, e.at(), Slots.SLA_DECIDED, 1);
            }
        } else if (event instanceof OpportunityClosed e && e.outcome() == Outcome.WON) {
            CustomerState c = customer(e.customerId());
            count(c, e.at(), Slots.DEALS_WON, 1);
            if (e.amount() != null) {
                count(c, e.at(), Slots.DEALS_WITH_AMOUNT, 1);
                count(c, e.at(), Slots.DEAL_CENTS, cents(e.amount()));
            }
        } else if (event instanceof OrderPlaced e) {
            order(e);
        } else if (event instanceof OrderStatusChanged e) {
            status(e);
        } else if (event instanceof TicketOpened e) {
            customer(e.customerId());
            openTickets.put(e.ticketId(), e.customerId());
        } else if (event instanceof TicketResolved e) {
            String id = openTickets.remove(e.ticketId());
            CustomerState c = id == null ? null : customers.get(id);
            if (c != null && e.firstContact() != null) {
                count(c, e.at(), Slots.RESOLVED_KNOWN, 1);
                count(c, e.at(), Slots.FIRST_CONTACT, e.firstContact() ? 1 : 0);
            }
        } else if (event instanceof SurveyAnswered e) {
            CustomerState c = customer(e.customerId());
            if (e.csat() != null) {
                count(c, e.at(), Slots.CSAT_ANSWERS, 1);
                count(c, e.at(), Slots.CSAT_SATISFIED, e.csat() >= 4 ? 1 : 0);
            }
            if (e.nps() != null) {
                count(c, e.at(), Slots.NPS_ANSWERS, 1);
                count(c, e.at(), Slots.NPS_PROMOTERS, e.nps() >= 9 ? 1 : 0);
                count(c, e.at(), Slots.NPS_DETRACTORS, e.nps() <= 6 ? 1 : 0);
            }
        } else if (event instanceof RepUpdated e) {
            team(e.repId(), e.team(), e.at());
        } else if (event instanceof CustomerErased e) {
            erase(e.customerId(), e.at());
        }
    }

    private void action(Action action) {
        if (action instanceof LeadAssigned a) {
            CustomerState c = customer(a.customerId());
            moveOwner(c, a.repId(), a.at());
            if (!c.slaDecided) {
                c.slaPending = true;
            }
        } else if (action instanceof LeadReassigned a) {
            moveOwner(customer(a.customerId()), a.repId(), a.at());
        } else if (action instanceof LeadScored a) {
            CustomerState c = customer(a.customerId());
            if (!c.mql && a.score() >= mqlThreshold) {
                c.mql = true;
                count(c, a.at(), Slots.MQLS, 1);
            }
        } else if (action instanceof StageChanged a) {
            stage(customer(a.customerId()), a.to(), a.at());
        } else if (action instanceof OpportunityCreated a) {
            CustomerState c = customer(a.customerId());
            if (!c.opportunity) {
                c.opportunity = true;
                count(c, a.at(), Slots.OPPORTUNITIES, 1);
            }
        } else if (action instanceof SegmentChanged a) {
            customer(a.customerId()).segment = a.segment();
        } else if (action instanceof SlaEscalated a) {
            CustomerState c = customer(a.customerId());
            if (c.slaPending) {
                c.slaPending = false;
                c.slaDecided = true;
                count(c, a.at(), Slots.SLA_DECIDED, 1);
            }
        } else if (action instanceof ReferralRewarded a) {
            CustomerState c = customers.get(a.referredId());
            if (c != null && !c.referred) {
                c.referred = true;
                count(c, a.at(), Slots.REFERRED, 1);
            }
        }
    }

    private void stage(CustomerState c, Stage to, Instant at) {
        int before = c.stock();
        Stage from = c.stage;
        c.stage = to;
        int after = c.stock();
        if (to == Stage.PROSPECT && !c.prospect) {
            c.prospect = true;
            count(c, at, Slots.PROSPECTS, 1);
        }
        if (to.hasBought() && !c.bought) {
            c.bought = true;
            count(c, at, Slots.NEW_CUSTOMERS, 1);
            if (c.lead) {
                count(c, at, Slots.NEW_FROM_LEADS, 1);
                count(c, at, Slots.CYCLE_SECONDS, Math.max(0, at.getEpochSecond() - c.capturedAtSecond));
            }
            if (c.opportunity) {
                count(c, at, Slots.NEW_FROM_OPPORTUNITY, 1);
            }
        }
        if (before != after) {
            stock(c, before, at, -1);
            stock(c, after, at, 1);
            if (before == 1 && to == Stage.DORMANT) {
                count(c, at, Slots.CHURNED, 1);
            } else if (from == Stage.DORMANT && after == 1) {
                count(c, at, Slots.WON_BACK, 1);
            }
        }
    }

    private void stock(CustomerState c, int stock, Instant at, int delta) {
        if (stock == 1) {
            count(c, at, Slots.ACTIVE_DELTA, delta);
        } else if (stock == 2) {
            count(c, at, Slots.DORMANT_DELTA, delta);
        }
    }

    private void order(OrderPlaced e) {
        if (orders.containsKey(e.orderId())) {
            return;
        }
        CustomerState c = customer(e.customerId());
        long cents = cents(e.amount());
        BigDecimal cost = costs.cost(e);
        Order o = new Order(c.id, cents, cost == null ? -1 : cents(cost), e.promisedDate());
        orders.put(e.orderId(), o);
        count(c, e.at(), Slots.ORDERS, 1);
        count(c, e.at(), Slots.REVENUE_CENTS, cents);
        if (o.costCents >= 0) {
            count(c, e.at(), Slots.COSTED_ORDERS, 1);
            count(c, e.at(), Slots.COSTED_REVENUE_CENTS, cents);
            count(c, e.at(), Slots.COST_CENTS, o.costCents);
        }
        LocalDate day = ledger.day(e.at());
        long epochDay = day.toEpochDay();
        int newBuyer = 0;
        int repeat = 0;
        for (Granularity g : Granularity.values()) {
            int p = Keys.period(g, day);
            if (c.lastOrderDay == Long.MIN_VALUE || Keys.period(g, LocalDate.ofEpochDay(c.lastOrderDay)) != p) {
                newBuyer |= 1 << g.ordinal();
                if (c.firstOrderDay != Long.MIN_VALUE && Keys.period(g, LocalDate.ofEpochDay(c.firstOrderDay)) < p) {
                    repeat |= 1 << g.ordinal();
                }
            }
        }
        Attribution a = attribution(c);
        if (newBuyer != 0) {
            ledger.add(a, day, Slots.BUYERS, 1, newBuyer);
        }
        if (repeat != 0) {
            ledger.add(a, day, Slots.REPEAT_BUYERS, 1, repeat);
        }
        if (c.firstOrderDay == Long.MIN_VALUE || epochDay < c.firstOrderDay) {
            c.firstOrderDay = epochDay;
        }
        if (epochDay > c.lastOrderDay) {
            c.lastOrderDay = epochDay;
        }
        if (c.lastOrder == null || e.at().isAfter(c.lastOrder)) {
            c.lastOrder = e.at();
        }
        c.orders++;
        c.revenueCents += cents;
    }

    private void status(OrderStatusChanged e) {
        Order o = orders.get(e.orderId());
        CustomerState c = o == null ? null : customers.get(o.customerId);
        if (c == null || o.reversed) {
            return;
        }
        if (e.status() == OrderStatus.DELIVERED && !o.delivered) {
            o.delivered = true;
            if (o.promised != null) {
                count(c, e.at(), Slots.DELIVERED_PROMISED, 1);
                count(c, e.at(), Slots.DELIVERED_ON_TIME, ledger.day(e.at()).isAfter(o.promised) ? 0 : 1);
            }
        } else if (e.status() == OrderStatus.CANCELLED || e.status() == OrderStatus.RETURNED) {
            o.reversed = true;
            count(c, e.at(), Slots.ORDERS, -1);
            count(c, e.at(), Slots.REVENUE_CENTS, -o.cents);
            if (o.costCents >= 0) {
                count(c, e.at(), Slots.COSTED_ORDERS, -1);
                count(c, e.at(), Slots.COSTED_REVENUE_CENTS, -o.cents);
                count(c, e.at(), Slots.COST_CENTS, -o.costCents);
            }
            c.orders--;
            c.revenueCents -= o.cents;
        }
    }

    private static boolean escalated(String customerId, List<Action> actions) {
        for (Action a : actions) {
            if (a instanceof SlaEscalated s && customerId.equals(s.customerId())) {
                return true;
            }
        }
        return false;
    }

    private static void personal(CustomerState c, String name, String phone, String email) {
        c.name = name != null ? name : c.name;
        c.phone = phone != null ? phone : c.phone;
        c.email = email != null ? email : c.email;
    }

    // Attribution changes: a customer in a stock (active or dormant) moves its place in the base along with it, so
    // that each scope's base counts the customers it sees now. Flows already counted stay where they were counted.

    private void moveOwner(CustomerState c, String rep, Instant at) {
        if (!rep.equals(c.owner)) {
            index(byOwner, c.owner, c, false);
            moveStock(c, at, () -> c.owner = rep);
            index(byOwner, rep, c, true);
        }
    }

    private void moveRegion(CustomerState c, String region, Instant at) {
        if (region != null && !region.equals(c.region)) {
            moveStock(c, at, () -> c.region = region);
        }
    }

    void share(String partnerId, String customerId, Instant at, boolean shared) {
        CustomerState c = shared ? customer(customerId) : customers.get(customerId);
        if (c == null) {
            return;
        }
        int p = ledger.scope("P:" + partnerId);
        if (c.sharedWith(p) == shared) {
            return;
        }
        moveStock(c, at, () -> {
            if (shared) {
                int[] next = Arrays.copyOf(c.partners, c.partners.length + 1);
                next[next.length - 1] = p;
                Arrays.sort(next);
                c.partners = next;
                index(byPartner, p, c, true);
            } else {
                c.partners = Arrays.stream(c.partners).filter(x -> x != p).toArray();
                index(byPartner, p, c, false);
            }
        });
        ledger.flush();
    }

    private void team(String rep, String team, Instant at) {
        if (team == null || team.equals(ledger.teams.get(rep))) {
            return;
        }
        // Rare (a rep changes team): the rep's customers in a stock move their base to the new team.
        for (CustomerState c : customers.values()) {
            if (rep.equals(c.owner) && c.stock() != 0) {
                stock(c, c.stock(), at, -1);
            }
        }
        ledger.teams.put(rep, team);
        ledger.version++;
        for (CustomerState c : customers.values()) {
            if (rep.equals(c.owner) && c.stock() != 0) {
                stock(c, c.stock(), at, 1);
            }
        }
    }

    private static <K> void index(Map<K, TreeMap<String, CustomerState>> index, K key, CustomerState c,
                                  boolean add) {
        if (key == null) {
            return;
        }
        if (add) {
            index.computeIfAbsent(key, k -> new TreeMap<>()).put(c.id, c);
        } else {
            TreeMap<String, CustomerState> set = index.get(key);
            if (set != null && set.remove(c.id) != null && set.isEmpty()) {
                index.remove(key);
            }
        }
    }

    private void moveStock(CustomerState c, Instant at, Runnable change) {
        int stock = c.stock();
        if (stock != 0) {
            stock(c, stock, at, -1);
        }
        change.run();
        c.attribution = null;
        if (stock != 0) {
            stock(c, stock, at, 1);
        }
    }

    private void erase(String customerId, Instant at) {
        CustomerState c = customers.get(customerId);
        if (c == null) {
            return;
        }
        stock(c, c.stock(), at, -1);
        customers.remove(customerId);
        index(byOwner, c.owner, c, false);
        for (int p : c.partners) {
            index(byPartner, p, c, false);
        }
        c.attribution = null;
    }

    private void count(CustomerState c, Instant at, int slot, long delta) {
        ledger.count(attribution(c), ledger.day(at), slot, delta);
    }

    Attribution attribution(CustomerState c) {
        Attribution a = ledger.attribution(c, c.attribution);
        c.attribution = a;
        return a;
    }

    private CustomerState customer(String id) {
        CustomerState c = customers.get(id);
        if (c == null) {
            c = new CustomerState(id);
            customers.put(id, c);
        }
        return c;
    }

    private static long cents(BigDecimal amount) {
        return amount.movePointRight(2).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }
}
