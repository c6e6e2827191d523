package dev.custflow.connectors.rabbitmq;

import static org.hamcrest.Matchers.equalTo;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;

/**
 * The local broker for one test: names no other test uses, an admin channel to declare, bind, count and read, and
 * everything it made deleted at {@link #close()}. When the broker does not answer, the test is skipped with the reason
 * printed.
 */
final class TestBroker implements AutoCloseable {
    static final String HOST = System.getProperty("custflow.test.rabbitmq", "127.0.0.1:5672");

    final String uri = "amqp://guest:guest@" + HOST; // no path: the default virtual host "/"
    final Channel admin;
    private final Connection connection;
    private final String prefix = "cf.test." + UUID.randomUUID().toString().substring(0, 8) + ".";
    private final List<String> queues = new ArrayList<>();
    private final List<String> exchanges = new ArrayList<>();

    private TestBroker(Connection connection) throws IOException {
        this.connection = connection;
        this.admin = connection.createChannel();
    }

    /** @return null when something answers at {@link #HOST}, else why not */
    static String whyNotAnswering() {
        String[] hostPort = HOST.split(":");
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 2_000);
            return null;
        } catch (IOException e) {
            return "nothing answers at " + HOST + " (" + e.getMessage() + ")";
        }
    }

    static TestBroker open() {
        String why = whyNotAnswering();
        if (why != null) {
            skip(why);
        }
        try {
            ConnectionFactory f = new ConnectionFactory();
            f.setUri("amqp://guest:guest@" + HOST);
            return new TestBroker(f.newConnection("custflow-test-admin"));
        } catch (Exception e) {
            // something answers but is not the broker the tests were promised: a failure, not a skip
            throw new IllegalStateException("RabbitMQ at " + HOST + " answers but refuses guest/guest: " + e, e);
        }
    }

    private static void skip(String why) {
        String reason = "RabbitMQ: " + why + ": the RabbitMQ tests are skipped. Start the broker (rabbitmq-server "
                + "-detached) or point -Dcustflow.test.rabbitmq=HOST:PORT at one to run them.";
        System.out.println("SKIPPED: " + reason);
        Assumptions.abort(reason);
    }

    /** @return a name no other test uses, for a queue or exchange this test makes */
    String name(String what) {
        return prefix + what;
    }

    /** Remembers a queue to delete at the end (made by the code under test). */
    String queueMadeElsewhere(String name) {
        queues.add(name);
        return name;
    }

    /** Remembers an exchange to delete at the end (made by the code under test). */
    String exchangeMadeElsewhere(String name) {
        exchanges.add(name);
        return name;
    }

    /** Declares a durable queue with these arguments. */
    String queue(String what, Map<String, Object> arguments) throws IOException {
        String q = name(what);
        admin.queueDeclare(q, true, false, false, arguments);
        queues.add(q);
        return q;
    }

    /** @return how many messages wait in the queue, not counting those delivered and not yet acknowledged */
    int ready(String queue) throws IOException {
        return admin.queueDeclarePassive(queue).getMessageCount();
    }

    /**
     * Waits (up to a minute) until {@code count} messages are ready in the queue: the broker puts a closed consumer's
     * unacknowledged messages back after the close has returned (a quorum queue through its log), so reading the
     * count at once races with it.
     */
    void awaitReady(String queue, int count) {
        Awaitility.await(count + " messages ready in " + queue).atMost(Duration.ofSeconds(60)).pollInSameThread()
                .pollInterval(Duration.ofMillis(20)).until(() -> ready(queue), equalTo(count));
    }

    /** Takes every message waiting in the queue, acknowledging them, in queue order. */
    List<GetResponse> drain(String queue) throws IOException {
        List<GetResponse> out = new ArrayList<>();
        for (GetResponse r = admin.basicGet(queue, true); r != null; r = admin.basicGet(queue, true)) {
            out.add(r);
        }
        return out;
    }

    void publish(String queue, String messageId, String body) throws IOException {
        admin.basicPublish("", queue, new AMQP.BasicProperties.Builder().deliveryMode(2).messageId(messageId)
                .contentType("application/json").build(), body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        try {
            Channel ch = admin.isOpen() ? admin : connection.createChannel();
            for (String q : queues) {
                ch.queueDelete(q);
            }
            for (String x : exchanges) {
                ch.exchangeDelete(x);
            }
        } finally {
            connection.abort(2_000);
        }
    }
}
