package dev.custflow.connectors.testkit;

import dev.custflow.spi.CustomerStore;
import dev.custflow.spi.CustomerStores;

/**
 * The engine's own in-memory store keeps the contract the kit asks of every host's store. (It lives in memory, so
 * the reopen check is skipped; a failure half-way cannot be provoked from outside, so that check is skipped too.)
 */
class InMemoryCustomerStoreTest extends CustomerStoreContract<CustomerStore> {

    @Override
    protected CustomerStore newStore() {
        return CustomerStores.inMemory();
    }
}
