package dev.custflow.cli;

import dev.custflow.connectors.jdbc.JdbcCustomerStore;
import dev.custflow.connectors.jdbc.OutboxRelay;
import dev.custflow.spi.ActionSink;
import dev.custflow.spi.CustomerStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * {@code custflow replay --store}: the JDBC store for {@code jdbc:} URLs, and for a plain path an embedded H2 file
 * database ({@code data/custflow} becomes {@code data/custflow.mv.db}). The actions are delivered from the store's
 * outbox by an {@link OutboxRelay} driven by the replay itself (no thread): its leases are short, so that a run that
 * follows a killed one takes the outbox over within a second. The H2, PostgreSQL and MariaDB drivers come with this
 * module, so every URL of docs/jdbc.md opens.
 */
public final class JdbcStoreProvider implements CustomerStoreProvider {
    /** How long a killed run's leases keep the outbox from the next run. */
    static final Duration LEASE = Duration.ofMillis(500);

    @Override
    public boolean accepts(String location) {
        return location != null && !location.isBlank();
    }

    @Override
    public OpenStore open(String location, String user, String password) {
        JdbcCustomerStore.Builder b = JdbcCustomerStore.builder();
        if (location.startsWith("jdbc:")) {
            b.url(location);
        } else {
            String path = location.endsWith(".mv.db") ? location.substring(0, location.length() - 6) : location;
            b.h2File(Path.of(path));
        }
        if (user != null) {
            b.user(user);
        }
        if (password != null) {
            b.password(password);
        }
        return new Open(b.build());
    }

    private static final class Open implements OpenStore {
        private final JdbcCustomerStore store;
        private OutboxRelay relay;
        private ActionSink relaySink;

        Open(JdbcCustomerStore store) {
            this.store = store;
        }

        @Override
        public CustomerStore store() {
            return store;
        }

        @Override
        public long deliverPending(ActionSink sink) {
            if (relay == null) {
                relay = OutboxRelay.builder(store, sink).owner("custflow-replay-" + ProcessHandle.current().pid())
                        .leaseDuration(LEASE).pollInterval(LEASE.dividedBy(5)).build();
                relaySink = sink;
            } else if (!Objects.equals(relaySink, sink)) {
                throw new IllegalArgumentException("deliverPending takes the same sink on every call");
            }
            long delivered = drain();
            // A killed run's leases keep some partitions until they expire: wait for them, at most a few leases.
            for (int i = 0; i < 20 && store.pendingActions() > 0; i++) {
                try {
                    Thread.sleep(LEASE.toMillis() / 4);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                delivered += drain();
            }
            return delivered;
        }

        /**
         * Passes until nothing owned is waiting. A sink that fails (standard output closed, a full disk) ends the
         * delivery with its error, where the relay's own drain would retry it for ever: the rest stays in the outbox.
         */
        private long drain() {
            long delivered = 0;
            while (true) {
                OutboxRelay.Pass pass = relay.runOnce();
                delivered += pass.delivered();
                if (pass.sinkFailed()) {
                    throw pass.failure();
                }
                if (!pass.more()) {
                    return delivered;
                }
            }
        }

        @Override
        public void close() {
            try {
                if (relay != null) {
                    relay.close();
                }
            } finally {
                store.close();
            }
        }
    }
}
