package dev.custflow.event;

import dev.custflow.EventRejectedException;
import java.math.BigDecimal;
import java.time.Instant;

/** Field checks shared by the event records; each failure names the field and its value. */
final class Check {
    private Check() {
    }

    static void envelope(String type, String id, Instant at) {
        text(type, "id", id);
        if (at == null) {
            throw EventRejectedException.ofField(type, "at", null,
                    "every event needs 'at', an ISO-8601 instant such as 2024-03-01T09:30:00Z");
        }
    }

    static String text(String type, String field, String value) {
        if (value == null) {
            throw EventRejectedException.ofField(type, field, null, "this field is required for " + type);
        }
        if (value.isBlank()) {
            throw EventRejectedException.ofField(type, field, value, "this field must not be blank");
        }
        return value;
    }

    static <T> T required(String type, String field, T value) {
        if (value == null) {
            throw EventRejectedException.ofField(type, field, null, "this field is required for " + type);
        }
        return value;
    }

    static void nonNegative(String type, String field, BigDecimal amount, String hint) {
        if (amount != null && amount.signum() < 0) {
            throw EventRejectedException.ofField(type, field, amount.toPlainString(),
                    "amounts must not be negative" + (hint == null ? "" : ".\n" + hint));
        }
    }

    static void range(String type, String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw EventRejectedException.ofField(type, field, value,
                    "must be between " + min + " and " + max);
        }
    }

    static void positive(String type, String field, Integer value) {
        if (value != null && value <= 0) {
            throw EventRejectedException.ofField(type, field, value, "must be greater than 0");
        }
    }

    static void zone(String type, String field, String value) {
        if (value != null) {
            try {
                java.time.ZoneId.of(value);
            } catch (java.time.DateTimeException e) {
                throw EventRejectedException.ofField(type, field, value,
                        "not a time zone; use an IANA id such as Asia/Shanghai or Europe/Berlin");
            }
        }
    }

    static void notNegative(String type, String field, Integer value) {
        if (value != null && value < 0) {
            throw EventRejectedException.ofField(type, field, value, "must not be negative");
        }
    }
}
