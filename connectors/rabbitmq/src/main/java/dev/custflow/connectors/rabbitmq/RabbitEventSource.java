package dev.custflow.connectors.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Delivery;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import dev.custflow.ConnectorException;
import dev.custflow.connectors.rabbitmq.internal.Rabbit;
import dev.custflow.spi.EventSource;
import dev.custflow.spi.SourceRecord;
import dev.custflow.text.Bounds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Events from a RabbitMQ queue, one JSON event per message (docs/events.md), for an {@link dev.custflow.EventPump}.
 * The source has its own connection and channel and consumes with manual acknowledgements: the broker keeps every
 * message it handed out until {@link #acknowledge()} confirms all of them at once (a multiple ack of the last delivery
 * polled), which the pump calls only after the engine committed the batch and delivered its actions. A message
 * polled but never acknowledged (the process died, the connection dropped, the source was closed) goes back to the
 * queue and comes again; the engine drops an event it already applied by its id.
 *
 * <p>{@code prefetch} bounds how many unacknowledged messages the broker sends ahead ({@code basic.qos}); one
 * {@link #poll} returns at most {@code maxBatch} of them, so the next batch is usually waiting in memory while the
 * engine applies the current one. A lost connection is a {@link ConnectorException} at the next call: build a new
 * source (automatic recovery is off on purpose, since delivery tags do not survive a reconnection).
 *
 * <pre>{@code
 * try (RabbitEventSource source = RabbitEventSource.builder()
 *         .uri("amqp://erp:secret@mq.internal:5672/crm").queue("custflow.events").build();
 *      EventPump pump = new EventPump(engine, source)) {
 *     pump.run(Duration.ofMillis(500));
 * }
 * }</pre>
 *
 * <p>Calls come from one thread (the pump's), as {@link EventSource} says.
 */
public final class RabbitEventSource implements EventSource {
    /** The type of queue {@link Builder#declareQueue(QueueType)} declares. */
    public enum QueueType {
        /** Replicated on a cluster's majority (Raft): the broker's recommended durable queue. The default. */
        QUORUM("quorum"),
        /** A single-node queue: for a broker without quorum queues, or a host that wants one. */
        CLASSIC("classic");

        private final String argument;

        QueueType(String argument) {
            this.argument = argument;
        }

        /** @return the value of the {@code x-queue-type} argument */
        public String argument() {
            return argument;
        }
    }

    /** Put into the hand-over queue when the consumer ends, so that a waiting poll wakes at once. */
    private static final Delivery WAKE = new Delivery(null, null, null);

    private final String name;
    private final String queue;
    private final int prefetch;
    private final int maxBatch;
    private final Connection connection;
    private final Channel channel;
    private final BlockingQueue<Delivery> arrived = new LinkedBlockingQueue<>();
    private volatile String ended;
    private volatile boolean closing;
    private long lastPolledTag;
    private long lastAckedTag;

    private RabbitEventSource(Builder b) {
        this.queue = b.queue;
        this.prefetch = b.prefetch;
        this.maxBatch = b.maxBatch;
        ConnectionFactory factory = b.factory.clone(); // the builder may be changed and used again
        this.name = Rabbit.address(factory) + " queue " + b.queue;
        this.connection = Rabbit.connect(factory, b.connectionName, name);
        try {
            this.channel = connection.createChannel();
            if (b.queueType != null) {
                declare(b.queueType);
            } else {
                channel.queueDeclarePassive(queue);
            }
            channel.basicQos(prefetch);
            channel.basicConsume(queue, false, new HandOver(channel));
        } catch (IOException | RuntimeException e) {
            Rabbit.closeQuietly(connection);
            String what = b.queueType != null ? "cannot declare the queue (durable, " + b.queueType.argument() + ")"
                    + " or consume from it" : "cannot consume from the queue (declareQueue(null): it must exist)";
            throw new ConnectorException(name, what + ": " + Rabbit.reason(e)
                    + (b.queueType != null ? "\nMaybe the queue exists with other arguments: pass its type to "
                    + "declareQueue, or declareQueue(null) to use it as it is" : ""), null);
        }
    }

    private void declare(QueueType type) throws IOException {
        channel.queueDeclare(queue, true, false, false, Map.of("x-queue-type", type.argument()));
    }

    /**
     * @return a builder with the defaults: {@code amqp://guest:guest@127.0.0.1:5672} (virtual host {@code /}),
     *         queue {@code custflow.events} declared as a durable quorum queue, prefetch 1,000, batches of at most
     *         500
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Receives the broker's deliveries on the client's dispatch thread and hands them to {@link #poll}. */
    private final class HandOver extends DefaultConsumer {
        HandOver(Channel channel) {
            super(channel);
        }

        @Override
        public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
            arrived.add(new Delivery(envelope, properties, body));
        }

        @Override
        public void handleCancel(String consumerTag) {
            end("the broker cancelled the consumer (was the queue deleted?)");
        }

        @Override
        public void handleShutdownSignal(String consumerTag, ShutdownSignalException sig) {
            if (!closing) {
                end("the connection or channel was closed: " + Rabbit.reason(sig));
            }
        }

        private void end(String why) {
            ended = why;
            arrived.add(WAKE);
        }
    }

    /**
     * Waits up to {@code timeout} for the first message, then takes what else has arrived, up to the batch size.
     *
     * @param timeout how long to wait when nothing is there
     * @return the messages as records, in delivery order; empty when none came in time (or the thread was
     *         interrupted, whose flag stays set)
     * @throws ConnectorException    if the connection or the consumer is gone: what this source polled and did not
     *                               acknowledge comes again to the next consumer
     * @throws IllegalStateException if the source was closed
     */
    @Override
    public List<SourceRecord> poll(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        checkAlive();
        List<Delivery> batch = new ArrayList<>();
        try {
            Delivery first = arrived.poll(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
            if (first == null) {
                return List.of();
            }
            batch.add(first);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
        arrived.drainTo(batch, maxBatch - 1);
        List<SourceRecord> out = new ArrayList<>(batch.size());
        for (Delivery d : batch) {
            if (d == WAKE) {
                continue;
            }
            long tag = d.getEnvelope().getDeliveryTag();
            lastPolledTag = tag;
            out.add(new SourceRecord(origin(d), new String(d.getBody(), StandardCharsets.UTF_8)));
        }
        // delivery tags belong to the channel: once it is gone, these records cannot be acknowledged and come again
        checkAlive();
        return out;
    }

    private String origin(Delivery d) {
        StringBuilder s = new StringBuilder("queue ").append(queue).append(", delivery ")
                .append(d.getEnvelope().getDeliveryTag());
        String messageId = d.getProperties() == null ? null : d.getProperties().getMessageId();
        if (messageId != null) {
            s.append(", message ").append(messageId);
        }
        if (d.getEnvelope().isRedeliver()) {
            s.append(", redelivered");
        }
        return s.toString();
    }

    private void checkAlive() {
        if (closing) {
            throw new IllegalStateException("The source " + name + " is closed: build a new one.");
        }
        String why = ended;
        if (why != null) {
            arrived.add(WAKE); // every later poll fails at once too
            throw new ConnectorException(name, why + ". The messages polled and not acknowledged go back to the "
                    + "queue; build a new source to go on", null);
        }
    }

    /**
     * Acknowledges every message polled so far, with one multiple acknowledgement of the last delivery tag. The
     * broker is not asked to confirm it: if the connection drops at that moment, some of these messages may come
     * again, which the engine recognises by their event ids.
     *
     * @throws ConnectorException if the channel is closed (the messages come again)
     */
    @Override
    public void acknowledge() {
        if (lastPolledTag == lastAckedTag) {
            return;
        }
        try {
            channel.basicAck(lastPolledTag, true);
            lastAckedTag = lastPolledTag;
        } catch (IOException | ShutdownSignalException e) {
            throw new ConnectorException(name, "cannot acknowledge the deliveries up to " + lastPolledTag
                    + ": they go back to the queue and come again", e);
        }
    }

    /** Closes the connection; messages polled and not acknowledged go back to the queue. */
    @Override
    public void close() {
        closing = true;
        Rabbit.closeQuietly(connection);
    }

    /** @return the broker, virtual host and queue, for messages */
    @Override
    public String toString() {
        return name + " (prefetch " + prefetch + ", batches of up to " + maxBatch + ")";
    }

    /**
     * Settings of a {@link RabbitEventSource}; each setter checks its value at once, {@link #build()} checks what
     * spans several and connects.
     */
    public static final class Builder {
        private final ConnectionFactory factory = Rabbit.factory();
        private String queue = "custflow.events";
        private QueueType queueType = QueueType.QUORUM;
        private int prefetch = 1000;
        private int maxBatch = 500;
        private String connectionName = "custflow-events";

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
         * @param name the queue to consume (default {@code custflow.events})
         * @return this
         */
        public Builder queue(String name) {
            this.queue = Rabbit.nonBlank(name, "queue");
            return this;
        }

        /**
         * @param type declare the queue, durable, of this type, when it does not exist yet (default
         *             {@link QueueType#QUORUM}); null to use an existing queue as it is (it must exist)
         * @return this
         */
        public Builder declareQueue(QueueType type) {
            this.queueType = type;
            return this;
        }

        /**
         * @param messages how many unacknowledged messages the broker may send ahead ({@code basic.qos}); at least the
         *                 batch size (default 1,000)
         * @return this
         * @throws IllegalArgumentException unless 1 to 65,535
         */
        public Builder prefetch(int messages) {
            if (messages < 1 || messages > 65_535) {
                throw new IllegalArgumentException("The prefetch (" + messages + ") must be 1 to 65,535 messages.");
            }
            this.prefetch = messages;
            return this;
        }

        /**
         * @param messages the most messages one {@link RabbitEventSource#poll} returns, and so one engine call and one
         *                 store commit applies (default 500)
         * @return this
         * @throws IllegalArgumentException unless at least 1
         */
        public Builder maxBatch(int messages) {
            this.maxBatch = Bounds.atLeast("batchSize", messages, 1);
            return this;
        }

        /**
         * @param name how the connection appears in the broker's management (default {@code custflow-events})
         * @return this
         */
        public Builder connectionName(String name) {
            this.connectionName = Rabbit.nonBlank(name, "connectionName");
            return this;
        }

        /**
         * Connects, declares (or checks) the queue and starts consuming.
         *
         * @return the source; close it when done
         * @throws IllegalArgumentException if the prefetch is smaller than the batch size
         * @throws ConnectorException       if the broker cannot be reached or the queue cannot be declared or consumed
         */
        public RabbitEventSource build() {
            if (prefetch < maxBatch) {
                throw new IllegalArgumentException("The prefetch (" + prefetch + ") is smaller than the batch size ("
                        + maxBatch + "), so no batch could ever be full.\nMaybe set prefetch(" + 2 * maxBatch
                        + "): the next batch then arrives while the engine applies this one.");
            }
            return new RabbitEventSource(this);
        }
    }
}
