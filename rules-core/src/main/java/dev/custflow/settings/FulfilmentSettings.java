package dev.custflow.settings;

import dev.custflow.model.OrderItem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fulfilment and payment (the fulfilment pack, docs/rules.md): where goods short in stock come from, payment terms,
 * how often the engine repeats a late delivery or an overdue invoice, and credit limits.
 *
 * @param sourcing           how a product is supplied, by sku or by category: a key is a sku ({@code PUMP-200}) or
 *                           a prefix ending in {@code *} ({@code PUMP-*}, every sku that starts so); the exact sku
 *                           wins, then the longest prefix (default: none listed)
 * @param defaultSourcing    how a product listed nowhere is supplied (default {@code MADE_TO_ORDER})
 * @param paymentTermsDays   days after the invoice request within which an order is to be paid; it is overdue from
 *                           the next day (default 30)
 * @param overdueEveryDays   an overdue invoice raises a task on its first overdue day and again every this many days
 *                           until it is paid (default 7)
 * @param lateEveryDays      an undelivered order is late from the day after its promised date, reported then and
 *                           again every this many days until it is delivered (default 3)
 * @param creditLimits       the most a customer may owe (unpaid orders, this one included), by customer id
 * @param defaultCreditLimit the limit of customers not listed; 0 = no limit (default 0)
 * @param financeTeam        who receives finance's tasks (the repId of TASK_CREATED, default {@code finance})
 */
public record FulfilmentSettings(Map<String, Sourcing> sourcing, Sourcing defaultSourcing, int paymentTermsDays,
                                 int overdueEveryDays, int lateEveryDays, Map<String, BigDecimal> creditLimits,
                                 BigDecimal defaultCreditLimit, String financeTeam) {

    /** Where goods short in stock come from. */
    public enum Sourcing {
        /** Made to order: a shortage asks production (PRODUCTION_REQUESTED). */
        MADE_TO_ORDER,
        /** Bought in: a shortage asks purchasing (PURCHASE_REQUESTED). */
        BOUGHT_IN
    }

    /** Validates the values. */
    public FulfilmentSettings {
        sourcing = sourcing == null ? Map.of() : Map.copyOf(new TreeMap<>(sourcing));
        for (Map.Entry<String, Sourcing> e : sourcing.entrySet()) {
            String key = e.getKey();
            if (key.isBlank() || key.equals("*")) {
                throw new InvalidSettingsException("fulfilment.sourcing", key,
                        "a key is a sku or a sku prefix ending in '*'; for every product use defaultSourcing");
            }
            if (key.indexOf('*') >= 0 && key.indexOf('*') != key.length() - 1) {
                throw new InvalidSettingsException("fulfilment.sourcing", key,
                        "'*' may only end a key (a category is a prefix, e.g. PUMP-*)");
            }
            if (e.getValue() == null) {
                throw new InvalidSettingsException("fulfilment.sourcing." + key, null,
                        "say MADE_TO_ORDER or BOUGHT_IN");
            }
        }
        defaultSourcing = defaultSourcing == null ? Sourcing.MADE_TO_ORDER : defaultSourcing;
        InvalidSettingsException.positive("fulfilment.paymentTermsDays", paymentTermsDays);
        InvalidSettingsException.positive("fulfilment.overdueEveryDays", overdueEveryDays);
        InvalidSettingsException.positive("fulfilment.lateEveryDays", lateEveryDays);
        creditLimits = creditLimits == null ? Map.of() : Map.copyOf(new TreeMap<>(creditLimits));
        for (Map.Entry<String, BigDecimal> e : creditLimits.entrySet()) {
            if (e.getValue() == null || e.getValue().signum() <= 0) {
                throw new InvalidSettingsException("fulfilment.creditLimits." + e.getKey(), e.getValue(),
                        "a credit limit must be greater than 0; leave the customer out for the default");
            }
        }
        defaultCreditLimit = defaultCreditLimit == null ? BigDecimal.ZERO : defaultCreditLimit;
        if (defaultCreditLimit.signum() < 0) {
            throw new InvalidSettingsException("fulfilment.defaultCreditLimit", defaultCreditLimit,
                    "must not be negative (0 = no limit)");
        }
        financeTeam = financeTeam == null || financeTeam.isBlank() ? "finance" : financeTeam.strip();
    }

    /** @return the defaults: made to order, 30 days' terms, overdue every 7 days, late every 3, no credit limit */
    public static FulfilmentSettings ofDefaults() {
        return new FulfilmentSettings(Map.of(), Sourcing.MADE_TO_ORDER, 30, 7, 3, Map.of(), BigDecimal.ZERO,
                "finance");
    }

    /**
     * @param sku a product
     * @return how it is supplied: its own entry, else the longest category prefix that matches, else the default
     */
    public Sourcing sourcingOf(String sku) {
        Sourcing own = sourcing.get(sku);
        if (own != null) {
            return own;
        }
        Sourcing best = defaultSourcing;
        int longest = -1;
        for (Map.Entry<String, Sourcing> e : sourcing.entrySet()) {
            String k = e.getKey();
            if (k.endsWith("*") && k.length() - 1 > longest && sku.startsWith(k.substring(0, k.length() - 1))) {
                best = e.getValue();
                longest = k.length() - 1;
            }
        }
        return best;
    }

    /**
     * @param customerId a customer
     * @return the most the customer may owe, or 0 when there is no limit
     */
    public BigDecimal creditLimitOf(String customerId) {
        return creditLimits.getOrDefault(customerId, defaultCreditLimit);
    }

    /**
     * @param lines an order's lines
     * @param kind  how they are supplied
     * @return the lines supplied so, in order (empty when none is)
     */
    public List<OrderItem> linesSuppliedBy(List<OrderItem> lines, Sourcing kind) {
        List<OrderItem> out = new ArrayList<>();
        for (OrderItem i : lines) {
            if (sourcingOf(i.sku()) == kind) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * @param lines an order's lines
     * @param kind  how goods are supplied
     * @return true if any line is supplied so, or the order has no lines and {@code kind} is the default
     */
    public boolean supplies(List<OrderItem> lines, Sourcing kind) {
        return lines.isEmpty() ? kind == defaultSourcing : !linesSuppliedBy(lines, kind).isEmpty();
    }
}
