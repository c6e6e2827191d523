package dev.custflow.internal.profile;

import dev.custflow.event.RepUpdated;
import dev.custflow.model.Rep;

/** The engine's rep: the read model rules see, plus the folding of {@code RepUpdated} events. */
public final class RepRecord extends Rep {
    /** @param id the rep id */
    public RepRecord(String id) {
        super(id);
    }

    /**
     * Folds a rep update in; fields left out keep their value.
     *
     * @param e the update
     */
    public void apply(RepUpdated e) {
        if (e.name() != null) {
            name = e.name();
        }
        if (e.team() != null) {
            team = e.team().intern();
        }
        if (e.region() != null) {
            region = e.region().intern();
        }
        if (e.industries() != null) {
            industries = e.industries().stream().map(String::intern).toList();
        }
        if (e.senior() != null) {
            senior = e.senior();
        }
        if (e.capacity() != null) {
            capacity = e.capacity();
        }
        if (e.available() != null) {
            available = e.available();
        }
    }
}
