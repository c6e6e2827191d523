package dev.custflow.persistence;

/**
 * The same checks as SnapshotFixtureTest on {@code store-v3.bin}: engine state format version 3, the de-duplication
 * index as a journal in {@code dedup.<n>} segments (the customer snapshots in it are still at version 1), written by
 * SnapshotFixtures.
 */
class SnapshotFixtureV3Test extends SnapshotFixtureTest {
    @Override
    String fixture() {
        return "store-v3.bin";
    }
}
