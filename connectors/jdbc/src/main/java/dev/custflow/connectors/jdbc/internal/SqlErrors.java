package dev.custflow.connectors.jdbc.internal;

import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * Database errors without the data. Drivers put statement parameters and row values into their messages (PgJDBC's
 * "Batch entry 0 INSERT ... VALUES ('id', '\x0a…')", H2's "Value too long for column ...: 'id…'", "Detail: Key
 * (customer_id)=(…)"), and a customer snapshot holds phone numbers and e-mail addresses: none of that may reach a log
 * or a terminal. What is kept: the SQL state, the vendor code and the message's words without its literals.
 */
public final class SqlErrors {
    private static final Pattern BATCH_ENTRY = Pattern.compile("Batch entry (\\d+) .*? was aborted", Pattern.DOTALL);
    private static final Pattern QUOTED = Pattern.compile("'(?:[^']|'')*'?");
    private static final Pattern KEY_VALUE = Pattern.compile("=\\([^)]*\\)");
    private static final Pattern HEX = Pattern.compile("(?i)\\\\x[0-9a-f]+|\\bX'[0-9a-f]*'?|\\b0x[0-9a-f]{8,}");
    private static final Pattern VALUES = Pattern.compile("(?i)\\bvalues\\s*\\(.*");

    private SqlErrors() {
    }

    /**
     * @param e what the driver threw
     * @return an exception with the same SQL state, vendor code and stack, whose message holds no data values
     */
    public static SQLException withoutData(SQLException e) {
        SQLException safe = new SQLException(describe(e), e.getSQLState(), e.getErrorCode());
        safe.setStackTrace(e.getStackTrace());
        SQLException next = e.getNextException();
        if (next != null && next != e) {
            // the first failing entry of a batch says why; its own message is scrubbed the same way
            safe.setNextException(new SQLException(describe(next), next.getSQLState(), next.getErrorCode()));
        }
        return safe;
    }

    /**
     * @param e a driver's exception
     * @return "SQL state S, error code C: the first line of its message, literals replaced by '…'"
     */
    public static String describe(SQLException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        m = BATCH_ENTRY.matcher(m).replaceAll("Batch entry $1 was aborted");
        int eol = m.indexOf('\n');
        if (eol >= 0) {
            m = m.substring(0, eol); // H2 and PostgreSQL put the statement and "Detail:" lines below
        }
        m = VALUES.matcher(m).replaceAll("VALUES (…)");
        m = HEX.matcher(m).replaceAll("…");
        m = QUOTED.matcher(m).replaceAll("'…'");
        m = KEY_VALUE.matcher(m).replaceAll("=(…)");
        if (m.length() > 300) {
            m = m.substring(0, 297) + "...";
        }
        StringBuilder sb = new StringBuilder("SQL state ").append(e.getSQLState() == null ? "?" : e.getSQLState());
        if (e.getErrorCode() != 0) {
            sb.append(", error code ").append(e.getErrorCode());
        }
        return sb.append(": ").append(m.strip()).toString();
    }
}
