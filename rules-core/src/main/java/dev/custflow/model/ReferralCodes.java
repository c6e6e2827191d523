package dev.custflow.model;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Personal referral codes: "R-", the customer id in Crockford base 32 (no I, L, O, U: easy to read
 * out and type) and two check symbols. A code names its referrer, so a newcomer's first order can
 * credit the referrer from any partition without a base-wide index; the check symbols turn away
 * a mistyped or invented code (all but one in a thousand).
 */
final class ReferralCodes {
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private ReferralCodes() {
    }

    static String of(String customerId) {
        byte[] bytes = customerId.getBytes(StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder("R-");
        int buffer = 0;
        int bits = 0;
        for (byte x : bytes) {
            buffer = (buffer << 8) | (x & 0xff);
            bits += 8;
            while (bits >= 5) {
                b.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            b.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        int check = Math.floorMod(customerId.hashCode() * 31 + 7, 1024);
        return b.append(ALPHABET.charAt(check >> 5)).append(ALPHABET.charAt(check & 31)).toString();
    }

    /** @return the customer id a code names, or null when it is not a referral code */
    static String referrer(String code) {
        String c = code.strip().toUpperCase(Locale.ROOT);
        if (!c.startsWith("R-") || c.length() < 5) {
            return null;
        }
        c = c.substring(0, c.length() - 2); // the check symbols: verified by encoding the id again below
        int buffer = 0;
        int bits = 0;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 2; i < c.length(); i++) {
            int v = ALPHABET.indexOf(c.charAt(i));
            if (v < 0) {
                return null;
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        String id = out.toString(StandardCharsets.UTF_8);
        return id.isEmpty() || !of(id).equals(code.strip().toUpperCase(Locale.ROOT)) ? null : id;
    }
}
