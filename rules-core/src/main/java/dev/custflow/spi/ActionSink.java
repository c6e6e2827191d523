package dev.custflow.spi;

import dev.custflow.action.Action;
import java.util.List;

/**
 * Where actions go: the host's dispatcher, an outbox table, a broker. The engine delivers the
 * actions of each call in order. Delivery is at least once; a receiver drops repeats by the
 * stable {@link Action#id()}.
 *
 * <p>Version 1 of this SPI.
 */
@FunctionalInterface
public interface ActionSink {

    /**
     * Delivers actions, in the order the engine decided them.
     *
     * @param actions the actions of one engine call (never empty)
     * @throws dev.custflow.ConnectorException if the sink cannot take them
     */
    void deliver(List<Action> actions);

    /** @return a sink that drops everything (the engine still returns the actions to the caller) */
    static ActionSink none() {
        return actions -> { };
    }
}
