package dev.custflow.connectors.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;
import dev.custflow.ConnectorException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

/** What the source and the sink share: connection settings, names for messages, the broker's reasons. */
public final class Rabbit {
    private Rabbit() {
    }

    /**
     * @return a factory for 127.0.0.1:5672 as guest, without automatic recovery: delivery tags and unconfirmed
     *         publishes do not survive a reconnection, so the source and sink report the loss and start anew instead
     */
    public static ConnectionFactory factory() {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost("127.0.0.1");
        f.setPort(5672);
        f.setUsername("guest");
        f.setPassword("guest");
        f.setAutomaticRecoveryEnabled(false);
        f.setTopologyRecoveryEnabled(false);
        f.setConnectionTimeout(10_000);
        return f;
    }

    /**
     * @param factory the factory to set
     * @param uri     an AMQP URI
     * @throws IllegalArgumentException if it is not one
     */
    public static void setUri(ConnectionFactory factory, String uri) {
        Objects.requireNonNull(uri, "uri");
        try {
            factory.setUri(uri);
        } catch (URISyntaxException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("The broker URI (" + mask(uri) + ") is not an AMQP URI: "
                    + e.getMessage() + ".\nIt looks like amqp://user:password@host:5672/vhost", e);
        }
    }

    private static String mask(String uri) {
        return uri.replaceAll("//([^:/@]*):[^@/]*@", "//$1:***@");
    }

    /**
     * @param factory a configured factory
     * @return the broker and virtual host, without the password, e.g. {@code rabbitmq amqp://127.0.0.1:5672/}
     */
    public static String address(ConnectionFactory factory) {
        String vhost = factory.getVirtualHost();
        return "rabbitmq amqp://" + factory.getHost() + ":" + factory.getPort() + (vhost.startsWith("/") ? "" : "/")
                + vhost;
    }

    /**
     * @param factory        a configured factory
     * @param connectionName how the connection appears in the broker's management
     * @param name           the connector's name, for the message
     * @return an open connection
     * @throws ConnectorException if the broker cannot be reached or refuses the login
     */
    public static Connection connect(ConnectionFactory factory, String connectionName, String name) {
        try {
            return factory.newConnection(connectionName);
        } catch (IOException | TimeoutException | RuntimeException e) {
            throw new ConnectorException(name, "cannot connect to the broker as " + factory.getUsername() + ": "
                    + reason(e) + "\nIs the broker running, and are the URI, user and password right?", null);
        }
    }

    /**
     * @param e a failure of the client
     * @return the broker's own words when it closed the channel or connection (e.g. {@code NOT_FOUND - no queue
     *         'x'}), else the failure's message
     */
    public static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ShutdownSignalException s) {
                if (s.getReason() instanceof AMQP.Channel.Close c) {
                    return c.getReplyText();
                }
                if (s.getReason() instanceof AMQP.Connection.Close c) {
                    return c.getReplyText();
                }
                return String.valueOf(s.getMessage());
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                return t.getClass().getSimpleName() + ": " + t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }

    /**
     * @param connection a connection, or null
     */
    public static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            if (connection.isOpen()) {
                connection.close(5_000);
            }
        } catch (IOException | RuntimeException e) {
            connection.abort(1_000);
        }
    }

    /**
     * @param value a name
     * @param what  what it names
     * @return the name
     * @throws IllegalArgumentException if blank
     */
    public static String nonBlank(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException("The " + what + " is blank: give a name.");
        }
        return value;
    }
}
