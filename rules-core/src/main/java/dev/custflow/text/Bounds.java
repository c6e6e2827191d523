package dev.custflow.text;

/**
 * The range checks of the builders' number arguments, so that every builder of the library and its connectors
 * refuses a value out of range with the same sentence: {@code partitions must be between 1 and 256, got 0}.
 */
public final class Bounds {
    private Bounds() {
    }

    /**
     * @param name  the argument, as the caller knows it
     * @param value its value
     * @param min   the smallest allowed
     * @return the value
     * @throws IllegalArgumentException if it is below {@code min}
     */
    public static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(String.format("%s must be at least %,d, got %,d", name, min, value));
        }
        return value;
    }

    /**
     * @param name  the argument, as the caller knows it
     * @param value its value
     * @param min   the smallest allowed
     * @param max   the largest allowed
     * @return the value
     * @throws IllegalArgumentException if it is outside {@code [min, max]}
     */
    public static int between(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(String.format("%s must be between %,d and %,d, got %,d", name, min,
                    max, value));
        }
        return value;
    }
}
