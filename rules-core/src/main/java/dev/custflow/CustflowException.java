package dev.custflow;

/**
 * The root of every exception Custflow throws on purpose. Its subclasses carry the context a
 * user needs to fix the problem (the event line and field, the rule file and line, the connector).
 * Programmer errors (a null argument, a closed engine) stay plain JDK exceptions.
 */
public class CustflowException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the thing and its value */
    public CustflowException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the thing and its value
     * @param cause   the underlying failure
     */
    public CustflowException(String message, Throwable cause) {
        super(message, cause);
    }
}
