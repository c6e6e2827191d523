package dev.custflow.connectors.jdbc;

import dev.custflow.ConnectorException;
import dev.custflow.action.Action;
import dev.custflow.connectors.testkit.SampleActions;
import dev.custflow.spi.ActionSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A host's receiver for relay tests: keeps every delivery, repeats included; can be down for a number of calls. */
final class Receiver implements ActionSink {
    private final List<Action> received = new ArrayList<>();
    private int failuresLeft;
    int calls;

    synchronized void failNext(int calls) {
        failuresLeft = calls;
    }

    @Override
    public synchronized void deliver(List<Action> actions) {
        calls++;
        if (failuresLeft > 0) {
            failuresLeft--;
            throw new ConnectorException("receiver", "the receiver is down", null);
        }
        received.addAll(actions);
        notifyAll();
    }

    synchronized List<Action> received() {
        return List.copyOf(received);
    }

    /** Waits (bounded) until the receiver holds this many distinct actions; the test then checks what it got. */
    synchronized boolean awaitDistinct(int count, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (SampleActions.withoutRepeats(received).size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
