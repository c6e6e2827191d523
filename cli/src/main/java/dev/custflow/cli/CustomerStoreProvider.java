package dev.custflow.cli;

import dev.custflow.spi.ActionSink;
import dev.custflow.spi.CustomerStore;
import java.util.ServiceLoader;

/**
 * Opens the {@link CustomerStore} named by {@code custflow replay --store LOCATION}, found through this
 * {@link ServiceLoader} hook: a jar on the class path lists its provider in
 * {@code META-INF/services/dev.custflow.cli.CustomerStoreProvider}. This module lists {@link JdbcStoreProvider},
 * which opens every location ({@code jdbc:} URLs and plain paths, H2 files); a provider in a jar before it on the
 * class path is asked first.
 */
public interface CustomerStoreProvider {

    /**
     * @param location what was given to {@code --store}
     * @return true when this provider opens it
     */
    boolean accepts(String location);

    /**
     * @param location what was given to {@code --store}
     * @param user     the database user, or null
     * @param password the database password, or null
     * @return the open store
     */
    OpenStore open(String location, String user, String password);

    /** A store opened for one replay, with its outbox. */
    interface OpenStore extends AutoCloseable {

        /** @return the store to build the engine on */
        CustomerStore store();

        /**
         * Delivers to the sink every action committed to the store and not yet delivered (at least once: after a
         * crash between the sink's write and the store's mark the same action may come again; receivers drop
         * repeats by id), and marks them delivered.
         *
         * @param sink where the actions go; the same sink on every call
         * @return how many actions were delivered
         * @throws RuntimeException the sink's own error when it fails: what it did not take stays in the outbox
         */
        long deliverPending(ActionSink sink);

        /** Closes the outbox delivery and the store. */
        @Override
        void close();
    }

    /**
     * @param location what was given to {@code --store}
     * @return the first provider on the classpath that accepts it
     * @throws IllegalArgumentException when none does
     */
    static CustomerStoreProvider forLocation(String location) {
        for (CustomerStoreProvider p : ServiceLoader.load(CustomerStoreProvider.class)) {
            if (p.accepts(location)) {
                return p;
            }
        }
        throw new IllegalArgumentException("No store on the classpath opens --store " + location
                + " (the JDBC store comes with the cli module, which bin/custflow runs)");
    }
}
