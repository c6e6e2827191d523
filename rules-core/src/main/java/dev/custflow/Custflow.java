package dev.custflow;

/**
 * Entry point: {@code Custflow.builder()...build()} gives an {@link Engine}.
 *
 * <pre>{@code
 * try (Engine engine = Custflow.builder().build()) {
 *     List<Action> actions = engine.accept(event);
 * }
 * }</pre>
 */
public final class Custflow {
    private Custflow() {
    }

    /** @return a builder with every built-in pack, the default settings and event time */
    public static EngineBuilder builder() {
        return new EngineBuilder();
    }
}
