package dev.custflow.connectors.jdbc.internal;

import dev.custflow.ConnectorException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs work in one transaction on a connection of a pool, whatever the pool's auto-commit setting. */
public final class Tx {
    private final DataSource source;
    private final String connector;

    /** Work on a connection; the transaction commits when it returns and rolls back when it throws. */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * @param c the connection, auto-commit off
         * @return the result
         * @throws SQLException to roll back
         */
        T run(Connection c) throws SQLException;
    }

    /**
     * @param source    the pool
     * @param connector the connector's name, for errors
     */
    public Tx(DataSource source, String connector) {
        this.source = source;
        this.connector = connector;
    }

    /**
     * @param what what the work does, for the error message
     * @param work the work
     * @param <T>  its result
     * @return its result, after the commit
     * @throws ConnectorException if the database fails (after a rollback), with the driver's message without data
     *                            values (SqlErrors); a ConnectorException of the work passes
     */
    public <T> T run(String what, Work<T> work) {
        try (Connection c = source.getConnection()) {
            boolean auto = c.getAutoCommit();
            if (auto) {
                c.setAutoCommit(false);
            }
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    c.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            } finally {
                if (auto) {
                    try {
                        c.setAutoCommit(true);
                    } catch (SQLException ignored) {
                        // the connection is returned to the pool either way; the pool resets it
                    }
                }
            }
        } catch (SQLException e) {
            throw new ConnectorException(connector, what, SqlErrors.withoutData(e));
        }
    }
}
