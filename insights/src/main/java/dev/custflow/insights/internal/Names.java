package dev.custflow.insights.internal;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.collections.impl.map.mutable.primitive.ObjectIntHashMap;

/** Gives each distinct string a small number, so that cells are keyed by numbers. Not thread-safe. */
final class Names {
    private final ObjectIntHashMap<String> ids = new ObjectIntHashMap<>();
    private final List<String> names = new ArrayList<>();
    private final int limit;

    /** @param limit the most names it may hold (the bits a key has for them) */
    Names(int limit) {
        this.limit = limit;
    }

    /** @return the name's number, given now if it had none */
    int id(String name) {
        int id = ids.getIfAbsent(name, -1);
        if (id < 0) {
            if (names.size() >= limit) {
                throw new IllegalStateException("More than " + limit + " distinct names; the KPI book cannot key them.");
            }
            id = names.size();
            ids.put(name, id);
            names.add(name);
        }
        return id;
    }

    /** @return the name's number, or -1 if it has none */
    int find(String name) {
        return ids.getIfAbsent(name, -1);
    }

    String name(int id) {
        return names.get(id);
    }

    int size() {
        return names.size();
    }
}
