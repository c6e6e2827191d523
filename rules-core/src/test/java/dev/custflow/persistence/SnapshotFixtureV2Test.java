package dev.custflow.persistence;

/**
 * The same checks as SnapshotFixtureTest on {@code store-v2.bin}: the engine state in keyed parts (engine state
 * format version 2; the customer snapshots in it are still at version 1), written by SnapshotFixtures.
 */
class SnapshotFixtureV2Test extends SnapshotFixtureTest {
    @Override
    String fixture() {
        return "store-v2.bin";
    }
}
