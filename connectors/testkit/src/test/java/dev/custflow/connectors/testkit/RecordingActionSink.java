package dev.custflow.connectors.testkit;

import dev.custflow.ConnectorException;
import dev.custflow.action.Action;
import dev.custflow.spi.ActionSink;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A receiver in memory for the kit's own tests. {@link #reorders} makes it deliver each call backwards, so the kit's
 * tests can show that the contract catches a sink that does not keep the order.
 */
final class RecordingActionSink implements ActionSink {
    final List<Action> received = new ArrayList<>();
    private final boolean reorders;
    boolean down;

    RecordingActionSink(boolean reorders) {
        this.reorders = reorders;
    }

    @Override
    public synchronized void deliver(List<Action> actions) {
        if (down) {
            throw new ConnectorException("recording", "the receiver is down", null);
        }
        List<Action> copy = new ArrayList<>(actions);
        if (reorders) {
            Collections.reverse(copy);
        }
        received.addAll(copy);
    }
}
