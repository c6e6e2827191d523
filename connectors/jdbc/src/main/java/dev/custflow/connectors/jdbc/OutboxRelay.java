package dev.custflow.connectors.jdbc;

import dev.custflow.ConnectorException;
import dev.custflow.Json;
import dev.custflow.action.Action;
import dev.custflow.connectors.jdbc.internal.Tx;
import dev.custflow.spi.ActionSink;
import dev.custflow.text.Bounds;
import java.lang.management.ManagementFactory;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Delivers the actions of a {@link JdbcCustomerStore}'s outbox to an {@link ActionSink}: at least once, in order per
 * customer, each marked delivered once the sink has taken it. Nothing is dropped: while the sink is down the relay
 * waits and retries with a growing back-off.
 *
 * <p>Several relays (threads or processes) may run on one outbox. The outbox is split into the store's relay
 * partitions by customer id; a partition is owned by one relay at a time through a lease row (owner, expiry, fence).
 * A relay renews its leases while it runs; when one stops renewing (it died, or hangs), another takes the partition
 * over once the lease expired, and the fence, which grows with every new owner, stops the old owner from marking
 * rows of a partition it lost. A takeover may deliver again what the old owner delivered but had not marked: receivers
 * drop repeats by {@link Action#id()}. Leases compare the relays' clocks: keep the machines' clocks in step (NTP) to
 * well within the lease duration.
 *
 * <pre>{@code
 * OutboxRelay relay = OutboxRelay.builder(store, sink).build();
 * relay.start();          // a background thread, woken by every commit of the store in this JVM
 * ...
 * relay.close();          // stops and gives up its leases
 * }</pre>
 *
 * Tests drive it without threads: {@link #runOnce()} makes one pass, {@link #drain()} passes until nothing is left,
 * backing off through the {@link Sleeper} on sink failures.
 */
public final class OutboxRelay implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(OutboxRelay.class.getName());

    /** Waits for a back-off; tests give one that advances a fake clock instead. */
    @FunctionalInterface
    public interface Sleeper {
        /**
         * @param duration how long
         * @throws InterruptedException when the relay is closed meanwhile
         */
        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * What one pass did.
     *
     * @param delivered  how many actions the sink took
     * @param more       true when a partition had more waiting than one batch
     * @param sinkFailed true when the sink threw (the actions stay in the outbox)
     * @param failure    the sink's or the database's error, or null
     */
    public record Pass(int delivered, boolean more, boolean sinkFailed, RuntimeException failure) {
    }

    private final JdbcCustomerStore store;
    private final ActionSink sink;
    private final String owner;
    private final long leaseMillis;
    private final int batchSize;
    private final Duration pollInterval;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private final int maxPartitions;
    private final InstantSource clock;
    private final Sleeper sleeper;
    private final Tx tx;
    private final String leases;
    private final String outbox;
    private final Semaphore wakeups = new Semaphore(0);
    private final Runnable wake = this::wake;
    /** Owned partitions: partition number to the fence this relay holds it with. */
    private final Map<Integer, Long> owned = new TreeMap<>();
    /** When each owned lease expires, epoch milliseconds. */
    private final Map<Integer, Long> expiry = new TreeMap<>();
    private volatile boolean closed;
    private Thread thread;
    private int failuresInARow;

    private OutboxRelay(Builder b) {
        this.store = b.store;
        this.sink = b.sink;
        this.owner = b.owner;
        this.leaseMillis = b.lease.toMillis();
        this.batchSize = b.batchSize;
        this.pollInterval = b.pollInterval;
        this.minBackoff = b.minBackoff;
        this.maxBackoff = b.maxBackoff;
        this.maxPartitions = b.maxPartitions;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.tx = new Tx(store.dataSource(), store.name() + " relay " + owner);
        this.leases = store.table("relay_lease");
        this.outbox = store.table("outbox");
    }

    /**
     * @param store the store whose outbox to deliver
     * @param sink  where the actions go
     * @return a builder
     */
    public static Builder builder(JdbcCustomerStore store, ActionSink sink) {
        return new Builder(store, sink);
    }

    /** @return this relay's owner name in the lease rows */
    public String owner() {
        return owner;
    }

    /** @return the partitions this relay holds a lease on after its last pass */
    public synchronized Set<Integer> ownedPartitions() {
        return Set.copyOf(owned.keySet());
    }

    /** Makes a relay started with {@link #start()} look at the outbox now rather than after its poll interval. */
    public void wake() {
        wakeups.release();
    }

    /**
     * One pass: takes or renews leases, then delivers at most one batch of each owned partition and marks it
     * delivered. A sink failure ends the pass; nothing of the failed batch is marked.
     *
     * @return what the pass did
     * @throws ConnectorException if the database fails
     */
    public synchronized Pass runOnce() {
        claimLeases();
        int delivered = 0;
        boolean more = false;
        for (int partition : List.copyOf(owned.keySet())) {
            if (!owned.containsKey(partition) || clock.millis() >= expiry.get(partition)) {
                forget(partition); // expired (a slow sink, a pause): another relay may own it now
                continue;
            }
            List<Long> ids = new ArrayList<>();
            List<Action> actions = new ArrayList<>();
            readPending(partition, ids, actions);
            if (actions.isEmpty()) {
                continue;
            }
            if (clock.millis() >= expiry.get(partition)) {
                forget(partition); // expired while reading: another relay may own it now
                continue;
            }
            try {
                sink.deliver(actions);
            } catch (RuntimeException e) {
                return new Pass(delivered, true, true, e);
            }
            if (markDelivered(partition, ids.get(0), ids.get(ids.size() - 1))) {
                delivered += actions.size();
                more |= actions.size() == batchSize;
            }
        }
        long now = clock.millis();
        expiry.entrySet().removeIf(e -> now >= e.getValue() && owned.remove(e.getKey()) != null);
        return new Pass(delivered, more, false, null);
    }

    /**
     * Passes until no owned partition has anything waiting. While the sink fails, it waits through the sleeper with a
     * back-off that doubles from the minimum to the maximum, and tries the same actions again: nothing is dropped.
     *
     * @return how many actions were delivered
     */
    public long drain() {
        long total = 0;
        while (!closed) {
            Pass pass;
            try {
                pass = runOnce();
            } catch (ConnectorException e) { // the database is away: same as a sink that is down
                pass = new Pass(0, false, true, e);
            }
            total += pass.delivered();
            if (pass.sinkFailed()) {
                failuresInARow++;
                Duration wait = backoff(failuresInARow);
                String why = pass.failure().getMessage();
                LOG.log(System.Logger.Level.WARNING, () -> "relay " + owner + ": delivery failed (" + why
                        + "); retrying in " + wait.toMillis() + " ms");
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return total;
                }
                continue;
            }
            failuresInARow = 0;
            if (!pass.more()) {
                return total;
            }
        }
        return total;
    }

    /**
     * @param failures failures in a row, from 1
     * @return the wait before the next try
     */
    Duration backoff(int failures) {
        long millis = minBackoff.toMillis() << Math.min(failures - 1, 30);
        return Duration.ofMillis(Math.min(Math.max(millis, minBackoff.toMillis()), maxBackoff.toMillis()));
    }

    /**
     * Runs the relay on a background thread: drains, then waits for a commit of the store (in this JVM) or the poll
     * interval, and again. Leases are renewed on every pass.
     *
     * @return this relay
     */
    public synchronized OutboxRelay start() {
        if (thread != null) {
            throw new IllegalStateException("The relay " + owner + " is already started.");
        }
        store.onCommit(wake);
        thread = new Thread(this::loop, "custflow-relay-" + owner);
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    private void loop() {
        while (!closed) {
            drain();
            try {
                if (wakeups.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS)) {
                    wakeups.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void claimLeases() {
        long now = clock.millis();
        Map<Integer, long[]> rows = new TreeMap<>(); // partition to {fence, expiresAt, ownedByMe}
        tx.run("cannot read the relay leases", c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT partition_no, lease_owner, expires_at, fence FROM "
                    + leases + " ORDER BY partition_no");
                 ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getInt(1), new long[] {rs.getLong(4), rs.getLong(3),
                            owner.equals(rs.getString(2)) ? 1 : 0});
                }
            }
            return null;
        });
        for (Map.Entry<Integer, long[]> e : rows.entrySet()) {
            int partition = e.getKey();
            long fence = e.getValue()[0];
            long expiresAt = e.getValue()[1];
            boolean mine = e.getValue()[2] == 1 && owned.containsKey(partition) && owned.get(partition) == fence;
            if (mine && expiresAt > now) {
                if (expiresAt - now < leaseMillis / 2 && !renew(partition, fence, now)) {
                    forget(partition);
                }
            } else if (mine) {
                forget(partition); // expired: take it anew below, with a new fence
                take(partition, fence, expiresAt, now);
            } else {
                forget(partition);
                take(partition, fence, expiresAt, now);
            }
        }
    }

    private void take(int partition, long fence, long expiresAt, long now) {
        if (expiresAt > now || owned.size() >= maxPartitions) {
            return;
        }
        int updated = tx.run("cannot take a relay lease", c -> {
            try (PreparedStatement up = c.prepareStatement("UPDATE " + leases + " SET lease_owner = ?, expires_at = ?, "
                    + "fence = fence + 1 WHERE partition_no = ? AND fence = ?")) {
                up.setString(1, owner);
                up.setLong(2, now + leaseMillis);
                up.setInt(3, partition);
                up.setLong(4, fence);
                return up.executeUpdate();
            }
        });
        if (updated == 1) {
            owned.put(partition, fence + 1);
            expiry.put(partition, now + leaseMillis);
            LOG.log(System.Logger.Level.DEBUG, () -> "relay " + owner + " took partition " + partition);
        }
    }

    private boolean renew(int partition, long fence, long now) {
        int updated = tx.run("cannot renew a relay lease", c -> {
            try (PreparedStatement up = c.prepareStatement("UPDATE " + leases + " SET expires_at = ? "
                    + "WHERE partition_no = ? AND lease_owner = ? AND fence = ?")) {
                up.setLong(1, now + leaseMillis);
                up.setInt(2, partition);
                up.setString(3, owner);
                up.setLong(4, fence);
                return up.executeUpdate();
            }
        });
        if (updated == 1) {
            expiry.put(partition, now + leaseMillis);
        }
        return updated == 1;
    }

    private void forget(int partition) {
        owned.remove(partition);
        expiry.remove(partition);
    }

    private void readPending(int partition, List<Long> ids, List<Action> actions) {
        tx.run("cannot read the outbox", c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT id, payload FROM " + outbox
                    + " WHERE partition_no = ? AND sent_at IS NULL ORDER BY id")) {
                q.setInt(1, partition);
                q.setMaxRows(batchSize);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        actions.add(Json.readAction(rs.getString(2)));
                    }
                }
            }
            return null;
        });
    }

    /** Marks a delivered batch, in one transaction with a fenced renewal: a relay that lost the lease marks nothing. */
    private boolean markDelivered(int partition, long firstId, long lastId) {
        long fence = owned.get(partition);
        long now = clock.millis();
        boolean kept = tx.run("cannot mark actions delivered", c -> {
            try (PreparedStatement up = c.prepareStatement("UPDATE " + leases + " SET expires_at = ? "
                    + "WHERE partition_no = ? AND lease_owner = ? AND fence = ?")) {
                up.setLong(1, now + leaseMillis);
                up.setInt(2, partition);
                up.setString(3, owner);
                up.setLong(4, fence);
                if (up.executeUpdate() != 1) {
                    return false;
                }
            }
            try (PreparedStatement up = c.prepareStatement("UPDATE " + outbox + " SET sent_at = ? "
                    + "WHERE partition_no = ? AND id >= ? AND id <= ? AND sent_at IS NULL")) {
                up.setLong(1, now);
                up.setInt(2, partition);
                up.setLong(3, firstId);
                up.setLong(4, lastId);
                up.executeUpdate();
            }
            return true;
        });
        if (kept) {
            expiry.put(partition, now + leaseMillis);
        } else {
            forget(partition);
            LOG.log(System.Logger.Level.INFO, () -> "relay " + owner + " lost partition " + partition
                    + " to another relay; its last batch may be delivered again");
        }
        return kept;
    }

    /** Stops the background thread, if any, and gives up this relay's leases so that others take over at once. */
    @Override
    public void close() {
        closed = true;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            store.removeCommitListener(wake);
            t.interrupt();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            for (Map.Entry<Integer, Long> e : owned.entrySet()) {
                try {
                    tx.run("cannot give up a relay lease", c -> {
                        try (PreparedStatement up = c.prepareStatement("UPDATE " + leases + " SET lease_owner = NULL, "
                                + "expires_at = 0 WHERE partition_no = ? AND lease_owner = ? AND fence = ?")) {
                            up.setInt(1, e.getKey());
                            up.setString(2, owner);
                            up.setLong(3, e.getValue());
                            return up.executeUpdate();
                        }
                    });
                } catch (ConnectorException ex) {
                    LOG.log(System.Logger.Level.WARNING, () -> "relay " + owner + ": " + ex.getMessage()
                            + "; the lease expires by itself");
                }
            }
            owned.clear();
            expiry.clear();
        }
    }

    /** Builds an {@link OutboxRelay}; every setter checks its value at once. */
    public static final class Builder {
        private final JdbcCustomerStore store;
        private final ActionSink sink;
        private String owner = ManagementFactory.getRuntimeMXBean().getName() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        private Duration lease = Duration.ofSeconds(30);
        private int batchSize = 500;
        private Duration pollInterval = Duration.ofSeconds(1);
        private Duration minBackoff = Duration.ofMillis(100);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private int maxPartitions = Integer.MAX_VALUE;
        private InstantSource clock = InstantSource.system();
        private Sleeper sleeper = d -> Thread.sleep(d.toMillis());

        private Builder(JdbcCustomerStore store, ActionSink sink) {
            this.store = Objects.requireNonNull(store, "store");
            this.sink = Objects.requireNonNull(sink, "sink");
        }

        /**
         * @param owner this relay's name in the lease rows (process name and a random suffix by default); unique
         *              among the relays of one outbox
         * @return this builder
         */
        public Builder owner(String owner) {
            Objects.requireNonNull(owner, "owner");
            if (owner.isBlank() || owner.length() > 200) {
                throw new IllegalArgumentException("The relay owner (" + owner + ") must be 1 to 200 characters.");
            }
            this.owner = owner;
            return this;
        }

        /**
         * @param lease how long a partition stays with a relay that stops renewing (30 s by default): the longest an
         *              outbox waits after its relay died
         * @return this builder
         */
        public Builder leaseDuration(Duration lease) {
            if (lease.toMillis() < 10) {
                throw new IllegalArgumentException("The lease duration (" + lease + ") must be at least 10 ms.");
            }
            this.lease = lease;
            return this;
        }

        /**
         * @param batchSize the most actions handed to the sink in one call (500 by default)
         * @return this builder
         */
        public Builder batchSize(int batchSize) {
            this.batchSize = Bounds.atLeast("batchSize", batchSize, 1);
            return this;
        }

        /**
         * @param pollInterval how often a started relay looks at the outbox when no commit woke it (1 s by default);
         *                     also how often it renews its leases, so it must be under a third of the lease
         * @return this builder
         */
        public Builder pollInterval(Duration pollInterval) {
            if (pollInterval.isNegative() || pollInterval.isZero()) {
                throw new IllegalArgumentException("The poll interval (" + pollInterval + ") must be positive.");
            }
            this.pollInterval = pollInterval;
            return this;
        }

        /**
         * @param min the first wait after a failed delivery (100 ms by default)
         * @param max the longest wait (30 s by default); each failure in a row doubles the wait up to it
         * @return this builder
         */
        public Builder backoff(Duration min, Duration max) {
            if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
                throw new IllegalArgumentException("The back-off (" + min + " to " + max + ") must be positive and "
                        + "its maximum at least its minimum.");
            }
            this.minBackoff = min;
            this.maxBackoff = max;
            return this;
        }

        /**
         * @param maxPartitions the most partitions this relay leases (all by default); with N relays on P partitions,
         *                      about P / N spreads the work
         * @return this builder
         */
        public Builder maxPartitions(int maxPartitions) {
            this.maxPartitions = Bounds.atLeast("maxPartitions", maxPartitions, 1);
            return this;
        }

        /**
         * @param clock the clock of lease expiries and delivery times (the system clock by default)
         * @return this builder
         */
        public Builder clock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param sleeper how the relay waits between failed deliveries ({@link Thread#sleep} by default)
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * @return the relay, not started: call {@link #start()}, or drive it with {@link #runOnce()}
         * @throws IllegalArgumentException if the poll interval is not under a third of the lease
         */
        public OutboxRelay build() {
            if (pollInterval.multipliedBy(3).compareTo(lease) >= 0) {
                throw new IllegalArgumentException("The poll interval (" + pollInterval + ") must be under a third of "
                        + "the lease (" + lease + "), or a quiet relay would lose its leases.");
            }
            return new OutboxRelay(this);
        }
    }
}
