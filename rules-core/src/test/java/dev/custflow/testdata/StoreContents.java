package dev.custflow.testdata;

import dev.custflow.spi.CustomerStore;
import java.util.Base64;
import java.util.TreeMap;

/** What a store holds, byte for byte (as Base64) and sorted by key, so two stores compare with equals. */
public final class StoreContents {
    private StoreContents() {
    }

    /** @return every engine state part the store's last commit holds, by key */
    public static TreeMap<String, String> engineParts(CustomerStore store) {
        TreeMap<String, String> m = new TreeMap<>();
        store.load().engineParts().forEach((k, v) -> m.put(k, Base64.getEncoder().encodeToString(v)));
        return m;
    }

    /** @return every customer snapshot the store holds, by customer id */
    public static TreeMap<String, String> customers(CustomerStore store) {
        TreeMap<String, String> m = new TreeMap<>();
        store.forEachCustomer((id, bytes) -> m.put(id, Base64.getEncoder().encodeToString(bytes)));
        return m;
    }
}
