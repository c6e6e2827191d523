package dev.custflow.connectors.rabbitmq;

import dev.custflow.Json;
import dev.custflow.action.Action;
import dev.custflow.connectors.testkit.ActionSinkContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/**
 * The kit's sink contract on the RabbitMQ sink: the receiver is a queue bound to the sink's exchange for every routing
 * key ({@code #}); breaking it unbinds the queue, so that the mandatory messages reach no queue.
 */
class RabbitActionSinkContractIT extends ActionSinkContract<RabbitActionSink> {
    private TestBroker broker;
    private String exchange;
    private String queue;
    private final List<Action> got = new ArrayList<>();

    @Override
    protected RabbitActionSink newSink() {
        broker = TestBroker.open();
        try {
            exchange = broker.exchangeMadeElsewhere(broker.name("actions"));
            RabbitActionSink s = RabbitActionSink.builder().uri(broker.uri).exchange(exchange).build();
            queue = broker.queue("received", Map.of());
            broker.admin.queueBind(queue, exchange, "#");
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected List<Action> received(RabbitActionSink sink) {
        try {
            broker.drain(queue).forEach(r -> got.add(Json.readAction(new String(r.getBody(), StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(got);
    }

    @Override
    protected boolean breakReceiver(RabbitActionSink sink) {
        bind(false); // unroutable: the sink's mandatory publish comes back
        return true;
    }

    @Override
    protected void repairReceiver(RabbitActionSink sink) {
        bind(true);
    }

    private void bind(boolean bound) {
        try {
            if (bound) {
                broker.admin.queueBind(queue, exchange, "#");
            } else {
                broker.admin.queueUnbind(queue, exchange, "#");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void closeBroker() throws IOException {
        if (sink != null) {
            sink.close();
        }
        if (broker != null) {
            broker.close();
        }
    }
}
