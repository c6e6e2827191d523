package dev.custflow.connectors.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.ConnectorException;
import dev.custflow.action.Action;
import dev.custflow.spi.ActionSink;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the engine and the outbox relay rely on from an {@link ActionSink}, as tests a host inherits: every action
 * arrives, in the order delivered; delivering the same actions again is harmless for a receiver that drops repeats by
 * {@link Action#id()}; a delivery that fails says so with a {@link ConnectorException}, and delivering again once the
 * receiver is back loses nothing.
 *
 * <p>A subclass gives a new sink and a way to read what its receiver got (the file written, the messages on a queue,
 * the rows of a table), repeats included, in arrival order. Breaking the receiver is optional; without it the failure
 * check is skipped with the reason printed.
 *
 * @param <K> the sink under test
 */
public abstract class ActionSinkContract<K extends ActionSink> {

    /** The sink of the current test, from {@link #newSink()}. */
    protected K sink;

    /** @return a new sink whose receiver has received nothing yet */
    protected abstract K newSink();

    /**
     * @param sink the sink under test
     * @return every action its receiver got so far, repeats included, in arrival order
     */
    protected abstract List<Action> received(K sink);

    /**
     * Makes the receiver fail every delivery (a queue that is down, a disk that is full) until
     * {@link #repairReceiver} is called.
     *
     * @param sink the sink under test
     * @return false when this sink cannot be made to fail (the test is then skipped)
     */
    protected boolean breakReceiver(K sink) {
        return false;
    }

    /**
     * Undoes {@link #breakReceiver}.
     *
     * @param sink the sink under test
     */
    protected void repairReceiver(K sink) {
    }

    @BeforeEach
    final void openSink() {
        sink = newSink();
    }

    @Test
    void everyAction_arrives_inTheOrderDelivered() {
        List<Action> all = new ArrayList<>();
        for (int batch = 0; batch < 5; batch++) {
            List<Action> actions = new ArrayList<>(SampleActions.actions("A", batch * 3, 3));
            actions.addAll(SampleActions.actions("B", batch * 2, 2));
            sink.deliver(actions);
            all.addAll(actions);
        }

        assertThat(received(sink)).containsExactlyElementsOf(all);
        assertThat(SampleActions.orderInversions(received(sink))).isZero();
    }

    @Test
    void manyActionsInOneCall_allArriveEqual() {
        List<Action> actions = new ArrayList<>();
        for (int c = 0; c < 50; c++) {
            actions.addAll(SampleActions.actions("C-" + c, 0, 20));
        }
        sink.deliver(actions);

        assertThat(received(sink)).containsExactlyElementsOf(actions);
    }

    @Test
    void theSameActionsDeliveredTwice_areHarmless_forAReceiverThatDropsRepeatsById() {
        List<Action> first = SampleActions.actions("A", 0, 4);
        List<Action> overlapping = SampleActions.actions("A", 2, 4); // 2, 3 again, then 4, 5
        sink.deliver(first);
        sink.deliver(first);
        sink.deliver(overlapping);

        assertThat(received(sink)).hasSizeGreaterThanOrEqualTo(6);
        assertThat(SampleActions.withoutRepeats(received(sink)))
                .containsExactlyElementsOf(SampleActions.actions("A", 0, 6));
        assertThat(SampleActions.orderInversions(received(sink))).isZero();
    }

    @Test
    void aFailingDelivery_isAConnectorException_andDeliveringAgainLaterLosesNothing() {
        sink.deliver(SampleActions.actions("A", 0, 2));
        Assumptions.assumeTrue(breakReceiver(sink), () -> {
            String reason = getClass().getSimpleName() + " does not override breakReceiver, so a failing delivery "
                    + "cannot be simulated: error reporting is not checked.";
            System.out.println("SKIPPED: " + reason);
            return reason;
        });
        List<Action> next = SampleActions.actions("A", 2, 3);

        assertThatThrownBy(() -> sink.deliver(next)).isInstanceOf(ConnectorException.class)
                .satisfies(e -> assertThat(((ConnectorException) e).connector()).isNotBlank());
        assertThatThrownBy(() -> sink.deliver(next)).isInstanceOf(ConnectorException.class);

        repairReceiver(sink);
        sink.deliver(next);
        assertThat(SampleActions.withoutRepeats(received(sink)))
                .containsExactlyElementsOf(SampleActions.actions("A", 0, 5));
    }
}
