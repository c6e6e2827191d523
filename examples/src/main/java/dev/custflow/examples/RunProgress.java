package dev.custflow.examples;

/**
 * How far a long run (a what-if, a calibration, a threshold sweep) has come, counted in events replayed through
 * the engine: the total is known before the first event, so a caller can draw a bar or log a percentage. Called
 * from the run's own threads (a what-if replays on two at once), so an implementation must be thread-safe; it
 * should be quick, as it is called after every batch of events.
 */
@FunctionalInterface
public interface RunProgress {

    /**
     * @param done  events replayed so far, over every replay of the run; never decreases
     * @param total events the whole run replays; {@code done} reaches it when the run ends
     */
    void reached(long done, long total);

    /** @return a progress that is told and shows nothing (the default of every run) */
    static RunProgress none() {
        return (done, total) -> {
        };
    }
}
