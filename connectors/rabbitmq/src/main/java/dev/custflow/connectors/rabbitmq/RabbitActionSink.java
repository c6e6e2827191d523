package dev.custflow.connectors.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MessageProperties;
import com.rabbitmq.client.Return;
import com.rabbitmq.client.ShutdownSignalException;
import dev.custflow.ConnectorException;
import dev.custflow.Json;
import dev.custflow.action.Action;
import dev.custflow.connectors.rabbitmq.internal.Rabbit;
import dev.custflow.spi.ActionSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Publishes actions to a RabbitMQ exchange with publisher confirms: each action is one persistent message, its JSON
 * (docs/events.md) with content type {@code application/json}, message id the action's stable id, and the headers
 * {@code type} and {@code customerId}. The routing key is the action type by default ({@code TASK_CREATED},
 * {@code CHURN_WARNING}...), so a host binds one queue per kind of work.
 *
 * <p>{@link #deliver} returns only when the broker has confirmed every message of the call. A negative
 * acknowledgement, no confirm within the timeout, a message no queue took while {@code mandatory} is on (the
 * default), or a lost connection is a {@link ConnectorException} naming the exchange and routing keys: nothing counts
 * as delivered unless the broker has it. Some messages of a failed call may have reached their queues; delivering
 * the call again repeats them with the same message id, which receivers drop. The next call after a failure opens a
 * new channel, and a new connection if the old one is gone.
 *
 * <p>In production it sits behind the JDBC connector's {@code OutboxRelay}, which hands it the committed outbox in
 * order per customer and retries with a back-off while the broker is down (at least once, nothing dropped):
 *
 * <pre>{@code
 * RabbitActionSink sink = RabbitActionSink.builder().uri("amqp://erp:secret@mq.internal:5672/crm").build();
 * OutboxRelay relay = OutboxRelay.builder(store, sink).build().start();
 * }</pre>
 *
 * It can also be the engine's own {@code ActionSink}; then a failed publish fails the engine call after its commit,
 * and the committed actions are not published again by anyone: use the outbox where losing none matters.
 * Thread-safe: calls are serialised (one channel publishes in order).
 */
public final class RabbitActionSink implements ActionSink, AutoCloseable {
    private final ConnectionFactory factory;
    private final String connectionName;
    private final String exchange;
    private final BuiltinExchangeType exchangeType;
    private final Function<Action, String> routingKey;
    private final boolean mandatory;
    private final Duration confirmTimeout;
    private final String name;
    private final ConcurrentLinkedQueue<Return> returned = new ConcurrentLinkedQueue<>();
    private Connection connection;
    private Channel channel;
    private long published;
    private boolean closed;

    private RabbitActionSink(Builder b) {
        this.factory = b.factory.clone(); // the builder may be changed and used again
        this.connectionName = b.connectionName;
        this.exchange = b.exchange;
        this.exchangeType = b.exchangeType;
        this.routingKey = b.routingKey;
        this.mandatory = b.mandatory;
        this.confirmTimeout = b.confirmTimeout;
        this.name = Rabbit.address(factory) + " exchange " + (exchange.isEmpty() ? "(default)" : exchange);
    }

    /**
     * @return a builder with the defaults: {@code amqp://guest:guest@127.0.0.1:5672} (virtual host {@code /}), a
     *         durable topic exchange {@code custflow.actions} (declared), routing key = action type, mandatory,
     *         confirms within 10 s
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Publishes the actions in order and waits until the broker confirmed all of them. A connection that was lost
     * while the sink was idle is found out here: the sink then opens a new one and publishes once more (the
     * broker may hold some of them twice, with the same message id). After any failure but a nack the connection
     * is dropped, so the next call starts on a new one.
     *
     * @param actions the actions of one engine call or one outbox batch
     * @throws ConnectorException    if the broker refused (nack), did not confirm in time, returned a message no
     *                               queue took (mandatory), or the connection is gone: none of them counts as
     *                               delivered
     * @throws IllegalStateException if the sink was closed
     */
    @Override
    public synchronized void deliver(List<Action> actions) {
        if (actions.isEmpty()) {
            return;
        }
        String[] keyOf = new String[actions.size()];
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i < keyOf.length; i++) {
            keyOf[i] = Objects.requireNonNull(routingKey.apply(actions.get(i)), "routing key");
            keys.add(keyOf[i]);
        }
        for (int attempt = 1; ; attempt++) {
            // a connection the broker or the network dropped while the sink was idle shows only when it is used
            Connection before = connection;
            Channel ch;
            try {
                ch = channel();
            } catch (ConnectorException e) {
                throw failure(actions, keys, e.getMessage().substring(name.length() + 2));
            }
            returned.clear();
            try {
                publish(ch, actions, keyOf);
                break;
            } catch (IOException | ShutdownSignalException e) {
                // waitForConfirmsOrDie throws IOException for a nack and closes the channel; the connection is fine
                boolean nacked = e instanceof IOException && "nacks received".equals(e.getMessage());
                if (nacked) {
                    throw failure(actions, keys,
                            "the broker refused (nacked) at least one of them (a full queue that rejects publishes?)");
                }
                dropConnection();
                if (before != null && ch.getConnection() == before && attempt == 1) {
                    continue; // once more on a new connection: receivers drop repeats by message id
                }
                throw failure(actions, keys, "the channel or connection is gone: " + Rabbit.reason(e));
            } catch (TimeoutException e) {
                dropConnection(); // a broker that stopped confirming may sit behind a dead connection
                throw failure(actions, keys,
                        "the broker did not confirm them within " + confirmTimeout.toMillis() + " ms");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure(actions, keys, "interrupted while waiting for the broker's confirms");
            }
        }
        // the broker sends basic.return before the confirm of the same message: all returns of this call are here
        Return r = returned.peek();
        if (r != null) {
            throw failure(actions, keys, returned.size() + " message(s) reached no queue (first: action "
                    + r.getProperties().getMessageId() + ", routing key " + r.getRoutingKey() + ": " + r.getReplyText()
                    + ")", "Bind a queue to the exchange for every routing key used (or #), or set mandatory(false) "
                    + "to let the broker drop what no queue takes");
        }
        published += actions.size();
    }

    private void publish(Channel ch, List<Action> actions, String[] keyOf)
            throws IOException, InterruptedException, TimeoutException {
        for (int i = 0; i < keyOf.length; i++) {
            Action a = actions.get(i);
            ch.basicPublish(exchange, keyOf[i], mandatory, properties(a), Json.write(a).getBytes(StandardCharsets.UTF_8));
        }
        ch.waitForConfirmsOrDie(confirmTimeout.toMillis());
    }

    /** Forgets the connection after a failure, so that the next delivery opens a new one instead of reusing it. */
    private void dropConnection() {
        if (connection != null) {
            connection.abort(1_000); // close() would wait for the broker's answer on a connection that may be dead
        }
        connection = null;
        channel = null;
    }

    private ConnectorException failure(List<Action> actions, Set<String> keys, String why) {
        return failure(actions, keys, why, null);
    }

    private ConnectorException failure(List<Action> actions, Set<String> keys, String why, String hint) {
        return new ConnectorException(name, "publishing " + actions.size() + " action(s) to exchange "
                + (exchange.isEmpty() ? "(default)" : exchange) + ", routing key(s) " + String.join(", ", keys)
                + " failed: " + why + ". None counts as delivered; delivering them again repeats the ones that did "
                + "arrive, with the same message id" + (hint == null ? "" : "\n" + hint), null);
    }

    private static AMQP.BasicProperties properties(Action a) {
        Map<String, Object> headers = new HashMap<>(4);
        headers.put("type", a.type());
        if (a.customerId() != null) {
            headers.put("customerId", a.customerId());
        }
        return MessageProperties.PERSISTENT_BASIC.builder()
                .contentType("application/json")
                .contentEncoding("UTF-8")
                .messageId(a.id())
                .type(a.type())
                .appId("custflow")
                .headers(headers)
                .build();
    }

    /** The open confirm channel, opening a connection and a channel when they are gone. */
    private Channel channel() {
        if (closed) {
            throw new IllegalStateException("The sink " + name + " is closed: build a new one.");
        }
        // the client closes a lost connection's channels after the connection: ask the connection first
        if (connection != null && connection.isOpen() && channel != null && channel.isOpen()) {
            return channel;
        }
        if (connection == null || !connection.isOpen()) {
            Rabbit.closeQuietly(connection);
            connection = Rabbit.connect(factory, connectionName, name);
        }
        try {
            Channel ch = connection.createChannel();
            ch.confirmSelect();
            ch.addReturnListener(returned::add);
            if (exchangeType != null && !exchange.isEmpty()) {
                ch.exchangeDeclare(exchange, exchangeType, true);
            }
            channel = ch;
            return ch;
        } catch (IOException | RuntimeException e) {
            throw new ConnectorException(name, "cannot open a confirm channel" + (exchangeType != null
                    ? " and declare the exchange (durable, " + exchangeType.getType() + ")" : "") + ": "
                    + Rabbit.reason(e) + (exchangeType != null ? "\nMaybe the exchange exists with another type: "
                    + "pass its type to declareExchange, or declareExchange(null) to use it as it is" : ""), null);
        }
    }

    /** @return how many actions the broker has confirmed through this sink */
    public synchronized long published() {
        return published;
    }

    /** Closes the connection. */
    @Override
    public synchronized void close() {
        closed = true;
        Rabbit.closeQuietly(connection);
        connection = null;
        channel = null;
    }

    /** @return the broker, virtual host and exchange, for messages */
    @Override
    public String toString() {
        return name;
    }

    /**
     * Settings of a {@link RabbitActionSink}; each setter checks its value at once, {@link #build()} connects.
     */
    public static final class Builder {
        private final ConnectionFactory factory = Rabbit.factory();
        private String connectionName = "custflow-actions";
        private String exchange = "custflow.actions";
        private BuiltinExchangeType exchangeType = BuiltinExchangeType.TOPIC;
        private Function<Action, String> routingKey = Action::type;
        private boolean mandatory = true;
        private Duration confirmTimeout = Duration.ofSeconds(10);

        private Builder() {
        }

        /**
         * @param amqpUri the broker, e.g. {@code amqp://user:password@host:5672/vhost} ({@code amqps://} for TLS);
         *                without a path for the virtual host {@code /} (a bare trailing slash names the virtual host
         *                {@code ""})
         * @return this
         * @throws IllegalArgumentException if it is not an AMQP URI
         */
        public Builder uri(String amqpUri) {
            Rabbit.setUri(factory, amqpUri);
            return this;
        }

        /**
         * @param name the exchange to publish to (default {@code custflow.actions}); {@code ""} is the broker's
         *             default exchange, which routes to the queue named by the routing key
         * @return this
         */
        public Builder exchange(String name) {
            this.exchange = Objects.requireNonNull(name, "exchange");
            return this;
        }

        /**
         * @param type declare the exchange, durable, of this type, when it does not exist yet (default
         *             {@link BuiltinExchangeType#TOPIC}); null to use an existing exchange as it is
         * @return this
         */
        public Builder declareExchange(BuiltinExchangeType type) {
            this.exchangeType = type;
            return this;
        }

        /**
         * @param key the same routing key for every action
         * @return this
         */
        public Builder routingKey(String key) {
            Objects.requireNonNull(key, "key");
            this.routingKey = a -> key;
            return this;
        }

        /**
         * @param key the routing key of each action (default: its type, e.g. {@code TASK_CREATED})
         * @return this
         */
        public Builder routingKey(Function<Action, String> key) {
            this.routingKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * @param on whether a message that no queue takes is an error (default true); false lets the broker drop it
         * @return this
         */
        public Builder mandatory(boolean on) {
            this.mandatory = on;
            return this;
        }

        /**
         * @param timeout how long {@link RabbitActionSink#deliver} waits for the broker's confirms (default 10 s)
         * @return this
         * @throws IllegalArgumentException unless positive
         */
        public Builder confirmTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("The confirm timeout (" + timeout + ") must be positive.");
            }
            this.confirmTimeout = timeout;
            return this;
        }

        /**
         * @param name how the connection appears in the broker's management (default {@code custflow-actions})
         * @return this
         */
        public Builder connectionName(String name) {
            this.connectionName = Rabbit.nonBlank(name, "connectionName");
            return this;
        }

        /**
         * Connects and declares the exchange, so that a wrong URI or exchange shows at once.
         *
         * @return the sink; close it when done
         * @throws ConnectorException if the broker cannot be reached or the exchange cannot be declared
         */
        public RabbitActionSink build() {
            RabbitActionSink sink = new RabbitActionSink(this);
            sink.channel();
            return sink;
        }
    }
}
