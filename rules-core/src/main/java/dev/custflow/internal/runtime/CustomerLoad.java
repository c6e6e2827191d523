package dev.custflow.internal.runtime;

import dev.custflow.internal.profile.CustomerRecord;
import dev.custflow.spi.CustomerStore;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * A restart's customers, read from the store and decoded on a thread of their own while the building thread restores
 * the engine state parts and then places the customers, in the store's order, into their partitions. Reading rows and
 * decoding them is about half of a restart's work and touches nothing of the engine, so on two cores the two halves
 * overlap (BENCHMARKS.md, "Restart").
 *
 * <p>The hand-off holds at most {@value #BATCHES} batches of {@value #BATCH} customers: enough that the reader does
 * not wait while the engine state of a million customers is restored, and the decoded customers are kept by the
 * engine anyway, so the queue costs little memory beyond them. A failure on either side ends both: the reader's
 * failure is thrown on the building thread, and {@link #close} stops the reader (without interrupting it: an
 * interrupt would close an embedded database's file channel) and waits for it, so no thread outlives the build.
 */
final class CustomerLoad implements AutoCloseable {
    static final int BATCH = 1_024;
    static final int BATCHES = 1_024;
    private static final CustomerRecord[] END = new CustomerRecord[0];

    private final BlockingQueue<CustomerRecord[]> queue;
    private final int batchSize;
    private final Thread reader;
    /** Set by the building thread to end the read early; the reader checks it at every row. */
    private volatile boolean cancelled;
    /** What ended the read early; written before the reader's last hand-off, read after it. */
    private volatile Throwable failure;

    /** Thrown inside the store's iteration to leave it when the building thread gave up. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("customer load cancelled", null, false, false);
        }
    }

    private CustomerLoad(CustomerStore store, int batchSize, int batches) {
        this.batchSize = batchSize;
        this.queue = new ArrayBlockingQueue<>(batches);
        reader = new Thread(() -> read(store), "custflow-store-reader");
        reader.setDaemon(true);
    }

    /**
     * Starts reading the store's customers.
     *
     * @param store the store, after its {@code load()}: the reader is the only one to call it until it ends
     * @return the load, to {@link #drain} and then {@link #close}
     */
    static CustomerLoad start(CustomerStore store) {
        return start(store, BATCH, BATCHES);
    }

    /** As {@link #start(CustomerStore)}, with batches of {@code batchSize}, at most {@code batches} waiting (tests). */
    static CustomerLoad start(CustomerStore store, int batchSize, int batches) {
        if (batchSize < 1 || batches < 2) {
            throw new IllegalArgumentException("batches of at least 1 customer, at least 2 waiting");
        }
        CustomerLoad load = new CustomerLoad(store, batchSize, batches);
        load.reader.start();
        return load;
    }

    private void read(CustomerStore store) {
        CustomerRecord[][] batch = {new CustomerRecord[batchSize]};
        int[] n = {0};
        try {
            store.forEachCustomer((id, bytes) -> {
                if (cancelled) {
                    throw new Cancelled();
                }
                batch[0][n[0]++] = Snapshots.customer(bytes);
                if (n[0] == batchSize) {
                    handOver(batch[0]);
                    batch[0] = new CustomerRecord[batchSize];
                    n[0] = 0;
                }
            });
            if (n[0] > 0) {
                handOver(java.util.Arrays.copyOf(batch[0], n[0]));
            }
        } catch (Throwable e) { // an Error too: the building thread must hear of it, not wait for ever
            failure = e;
        }
        try {
            handOver(END);
        } catch (Cancelled stopped) {
            // the building thread has given up and does not wait for the end
        }
    }

    private void handOver(CustomerRecord[] customers) {
        if (cancelled) {
            throw new Cancelled();
        }
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(customers);
                break;
            } catch (InterruptedException e) {
                interrupted = true; // nobody interrupts this thread; if someone does, the hand-off still completes
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Hands every customer to {@code place}, in the order the store gave them, on the calling thread.
     *
     * @param place puts a customer into the engine
     * @throws RuntimeException what the store or the decoding threw (the same exception); an {@link Error} likewise
     */
    void drain(Consumer<CustomerRecord> place) {
        while (true) {
            CustomerRecord[] batch;
            try {
                batch = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while loading the customers", e);
            }
            if (batch == END) {
                break;
            }
            for (CustomerRecord c : batch) {
                place.accept(c);
            }
        }
        Throwable f = failure;
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error e) {
            throw e;
        }
        if (f != null) {
            throw new IllegalStateException(f);
        }
    }

    /** Stops the reader if it still runs (a failure on the building thread) and waits until it has ended. */
    @Override
    public void close() {
        cancelled = true;
        queue.clear(); // the reader, blocked on a full queue, can hand over the batch in its hands and then stop
        boolean interrupted = false;
        while (true) {
            try {
                reader.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        queue.clear();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
