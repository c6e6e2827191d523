package dev.custflow.connectors.testkit;

/** The kit's contract run against the smallest store that keeps it. */
class FakeCustomerStoreTest extends CustomerStoreContract<FakeCustomerStore> {

    @Override
    protected FakeCustomerStore newStore() {
        return new FakeCustomerStore(true, true);
    }

    @Override
    protected FakeCustomerStore reopen(FakeCustomerStore store) {
        return store.reopened();
    }

    @Override
    protected boolean failNextCommitMidway(FakeCustomerStore store) {
        store.failNextCommit();
        return true;
    }

    @Override
    protected int manyCustomers() {
        return 5_000;
    }
}
