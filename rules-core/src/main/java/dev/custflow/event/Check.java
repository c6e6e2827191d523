package dev.custflow.event;

import dev.custflow.EventRejectedException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Field checks shared by the event records; each failure names the field and its value. */
final class Check {
    private Check() {
    }

    /** Ids fit a store's key column and a log line: at most this many characters (docs/events.md, "Limits"). */
    static final int MAX_ID_LENGTH = 128;
    /** Times the engine can count in milliseconds and a calendar can show. */
    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    /** Amounts below 10^15 with at most 6 decimals: any currency's turnover, and no number too big to print. */
    static final BigDecimal AMOUNT_LIMIT = BigDecimal.TEN.pow(15);
    static final int MAX_DECIMALS = 6;

    static void envelope(String type, String id, Instant at) {
        id(type, "id", id);
        if (at == null) {
            throw EventRejectedException.ofField(type, "at", null,
                    "every event needs 'at', an ISO-8601 instant such as 2024-03-01T09:30:00Z");
        }
        time(type, "at", at);
    }

    /**
     * A required id: not blank, at most {@link #MAX_ID_LENGTH} characters, no control characters (a NUL or a line
     * break in a key breaks stores, logs and terminals).
     */
    static String id(String type, String field, String value) {
        text(type, field, value);
        return optionalId(type, field, value);
    }

    static String optionalId(String type, String field, String value) {
        if (value == null) {
            return null;
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw EventRejectedException.ofField(type, field, shorten(value),
                    "an id has at most " + MAX_ID_LENGTH + " characters, this one has " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c) && !validSurrogate(value, i)) {
                throw EventRejectedException.ofField(type, field, shorten(value), String.format(
                        "an id must not contain control characters or broken UTF-16; character %d is U+%04X",
                        i + 1, (int) c));
            }
        }
        return value;
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    static void time(String type, String field, Instant value) {
        if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
            throw EventRejectedException.ofField(type, field, shorten(value.toString()),
                    "must lie between " + EARLIEST + " and " + LATEST);
        }
    }

    /** @param personal true for a date that is personal data (a birthday): the value is not repeated */
    static void date(String type, String field, LocalDate value, boolean personal) {
        if (value != null && (value.getYear() < 1900 || value.getYear() > 9999)) {
            String problem = "must be a date between 1900-01-01 and 9999-12-31";
            throw personal ? EventRejectedException.withheld(type, field, problem)
                    : EventRejectedException.ofField(type, field, value.toString(), problem);
        }
    }

    /** An amount: not negative, below 10^15, at most 6 decimals. Checked before it is ever printed in full. */
    static void amount(String type, String field, BigDecimal amount, String hint) {
        if (amount == null) {
            return;
        }
        // scale and precision first: 1e1000000000 written out in full would take a gigabyte
        if (amount.scale() > MAX_DECIMALS && amount.stripTrailingZeros().scale() > MAX_DECIMALS
                || amount.abs().compareTo(AMOUNT_LIMIT) >= 0) {
            throw EventRejectedException.ofField(type, field, shorten(amount.toString()),
                    "amounts must be below 1,000,000,000,000,000 with at most " + MAX_DECIMALS + " decimals");
        }
        if (amount.signum() < 0) {
            throw EventRejectedException.ofField(type, field, amount.toPlainString(),
                    "amounts must not be negative" + (hint == null ? "" : ".\n" + hint));
        }
    }

    /** At most 40 characters of a value that was refused, so a refusal never repeats a huge input. */
    static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 37) + "...";
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

    /** The longest free-text reason a person's decision may carry, in characters. */
    static final int MAX_REASON_LENGTH = 500;

    /**
     * An optional reason in a person's words: at most {@link #MAX_REASON_LENGTH} characters.
     *
     * @return the reason, or null when it is missing or blank
     */
    static String reason(String type, String field, String value) {
        if (value != null && value.length() > MAX_REASON_LENGTH) {
            throw EventRejectedException.ofField(type, field, shorten(value),
                    "a reason has at most " + MAX_REASON_LENGTH + " characters, this one has " + value.length());
        }
        return value == null || value.isBlank() ? null : value;
    }

    static <T> T required(String type, String field, T value) {
        if (value == null) {
            throw EventRejectedException.ofField(type, field, null, "this field is required for " + type);
        }
        return value;
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
