package dev.custflow;

/** A connector (store, sink, source) failed; the message names the connector and what it was doing. */
public final class ConnectorException extends CustflowException {
    private static final long serialVersionUID = 1L;

    private final String connector;

    /**
     * @param connector the connector's name, e.g. {@code jdbc:postgresql://db/erp} or {@code kafka:actions}
     * @param message   what it was doing
     * @param cause     the underlying failure
     */
    public ConnectorException(String connector, String message, Throwable cause) {
        super(connector + ": " + message + (cause != null && cause.getMessage() != null ? ": " + cause.getMessage() : ""),
                cause);
        this.connector = connector;
    }

    /** @return the connector's name */
    public String connector() {
        return connector;
    }
}
