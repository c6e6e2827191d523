package dev.custflow.internal.runtime;

import dev.custflow.action.DeliveryLate;
import dev.custflow.action.InvoiceRequested;
import dev.custflow.action.ProductionRequested;
import dev.custflow.action.PurchaseRequested;
import dev.custflow.action.ShipmentRequested;
import dev.custflow.action.StockCheckRequested;
import dev.custflow.action.TaskCreated;
import dev.custflow.action.TaskKind;
import dev.custflow.internal.profile.OpenOrderRecord;
import dev.custflow.model.Customer;
import dev.custflow.model.OpenOrder;
import dev.custflow.model.OrderItem;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The fulfilment pack's action builders, kept apart from {@link ActionCollector} to keep each file readable. */
final class OrderActions {
    private final ActionCollector ac;

    OrderActions(ActionCollector ac) {
        this.ac = ac;
    }

    void invoice(Customer c, OpenOrder o, String reason) {
        if (o.isInvoiced()) {
            return;
        }
        record(c, o).invoiced(ac.now().toEpochMilli());
        ac.emit(new InvoiceRequested(ac.nextId("INVOICE_REQUESTED", c.getId()), ac.now(), ac.rule(), ac.reason(reason),
                o.getOrderId(), c.getId()));
        ac.changed(c);
    }

    void stockCheck(Customer c, OpenOrder o, String reason) {
        ac.emit(new StockCheckRequested(ac.nextId("STOCK_CHECK_REQUESTED", c.getId()), ac.now(), ac.rule(),
                ac.reason(reason), o.getOrderId(), c.getId()));
    }

    void production(Customer c, OpenOrder o, List<OrderItem> lines, String reason) {
        ac.emit(new ProductionRequested(ac.nextId("PRODUCTION_REQUESTED", c.getId()), ac.now(), ac.rule(),
                ac.reason(reason), o.getOrderId(), c.getId(), lines));
    }

    void purchase(Customer c, OpenOrder o, List<OrderItem> lines, String reason) {
        ac.emit(new PurchaseRequested(ac.nextId("PURCHASE_REQUESTED", c.getId()), ac.now(), ac.rule(),
                ac.reason(reason), o.getOrderId(), c.getId(), lines));
    }

    void shipment(Customer c, OpenOrder o, String reason) {
        ac.emit(new ShipmentRequested(ac.nextId("SHIPMENT_REQUESTED", c.getId()), ac.now(), ac.rule(),
                ac.reason(reason), o.getOrderId(), c.getId()));
    }

    void late(Customer c, OpenOrder o, int daysLate, String reason) {
        if (daysLate <= o.getLateNoticeDays()) {
            return;
        }
        record(c, o).lateNoticed(daysLate);
        ac.emit(new DeliveryLate(ac.nextId("DELIVERY_LATE", c.getId()), ac.now(), ac.rule(), ac.reason(reason),
                o.getOrderId(), c.getId(), daysLate));
        ac.changed(c);
    }

    void taskFor(Customer c, String repId, TaskKind kind, Instant dueAt, String reason) {
        if (repId == null) {
            return;
        }
        ac.emit(new TaskCreated(ac.nextId("TASK_CREATED", c.getId()), ac.now(), ac.rule(), ac.reason(reason), c.getId(),
                repId, Objects.requireNonNull(kind, "kind"), dueAt == null ? ac.now() : dueAt));
    }

    void overdue(Customer c, OpenOrder o, int days) {
        if (days > o.getOverdueNoticeDays()) {
            record(c, o).overdueNoticed(days);
            ac.changed(c);
        }
    }

    /** The order as the engine holds it, after the checkpoint a user rule's first change takes. */
    private OpenOrderRecord record(Customer c, OpenOrder o) {
        ac.recordOf(c);
        if (c.trackedOrder(o.getOrderId()) != o) {
            throw new IllegalArgumentException("order " + o.getOrderId() + " is not one of " + c.getId() + "'s");
        }
        return (OpenOrderRecord) o;
    }
}
