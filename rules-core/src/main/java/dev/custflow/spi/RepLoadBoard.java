package dev.custflow.spi;

/**
 * Rep load shared by engines that each hold part of the customers, for example one engine per Kafka Streams task
 * (docs/kafka.md). Lead assignment counts a rep's open leads to respect capacity and to pick the least loaded rep;
 * with several engines, a rep's leads are spread over them, and each engine adds what the others hold.
 *
 * <p>A board is eventually consistent: an engine publishes its own counts as they change and reads the others'
 * counts as they arrived. Two engines handing out the last free place of a rep at the same moment can both give
 * it, so a rep may briefly hold up to (engines − 1) leads over capacity; a single engine (the default, no board)
 * never does. Round-robin turns stay per engine.
 *
 * <p>Called on the engine's thread, at lead hand-out. Version 1 of this SPI.
 */
public interface RepLoadBoard {

    /**
     * @param repId a rep
     * @return the open leads the rep holds in the other engines sharing the board (not this one)
     */
    int heldElsewhere(String repId);

    /**
     * This engine's count of open leads for a rep changed.
     *
     * @param repId the rep
     * @param count the open leads the rep now holds in this engine
     */
    void held(String repId, int count);

    /**
     * A number that changes when another engine's counts change, so that leads waiting for capacity are offered
     * again when a rep's leads are released elsewhere. The default never changes: waiting leads are then offered
     * again at this engine's own releases and rep updates only.
     *
     * @return a version of the others' counts
     */
    default long version() {
        return 0;
    }
}
