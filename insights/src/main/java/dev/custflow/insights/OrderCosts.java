package dev.custflow.insights;

import dev.custflow.event.OrderLine;
import dev.custflow.event.OrderPlaced;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * What an order cost the business, for gross profit and margin: events carry prices, not costs, so the host says.
 * An order whose cost is unknown (null) counts in revenue but not in the margin.
 */
@FunctionalInterface
public interface OrderCosts {

    /** No costs known: gross profit and margin stay absent. */
    OrderCosts NONE = order -> null;

    /**
     * @param order an order as placed
     * @return what it cost, or null when unknown
     */
    BigDecimal cost(OrderPlaced order);

    /**
     * Costs from a unit cost per product: an order's cost is the sum over its lines of quantity (1 when not given)
     * times the unit cost of the line's sku. An order without lines, or with a line whose sku has no unit cost, has
     * no known cost.
     *
     * @param unitCosts unit cost per sku
     * @return the costs
     */
    static OrderCosts perUnit(Map<String, BigDecimal> unitCosts) {
        Map<String, BigDecimal> costs = Map.copyOf(Objects.requireNonNull(unitCosts, "unitCosts"));
        return order -> {
            if (order.lines().isEmpty()) {
                return null;
            }
            BigDecimal total = BigDecimal.ZERO;
            for (OrderLine line : order.lines()) {
                BigDecimal unit = costs.get(line.sku());
                if (unit == null) {
                    return null;
                }
                total = total.add(unit.multiply(BigDecimal.valueOf(line.quantity() == null ? 1 : line.quantity())));
            }
            return total;
        };
    }
}
