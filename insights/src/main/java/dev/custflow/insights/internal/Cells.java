package dev.custflow.insights.internal;

import org.eclipse.collections.impl.map.mutable.primitive.LongIntHashMap;

/**
 * The counters: for each key (scope, dimension value, period) a row of {@link Slots#COUNT} longs, in pages of
 * primitive arrays so that a million customers' worth of cells costs no object per cell.
 */
final class Cells {
    private static final int PAGE_CELLS = 1024;
    private final int width;
    private final LongIntHashMap index = new LongIntHashMap();
    private long[][] pages = new long[16][];
    private int cells;

    Cells(int width) {
        this.width = width;
    }

    /**
     * Adds {@code delta} to one slot of the key's cell, creating the cell at zero.
     *
     * @return true if the cell was created now
     */
    boolean add(long key, int slot, long delta) {
        int before = cells;
        add(cell(key), slot, delta);
        return cells > before;
    }

    /** @return the number of the key's cell, created at zero if it had none (then {@link #size()} grows by one) */
    int cell(long key) {
        int cell = index.getIfAbsent(key, -1);
        if (cell < 0) {
            cell = cells++;
            index.put(key, cell);
            int page = cell / PAGE_CELLS;
            if (page == pages.length) {
                pages = java.util.Arrays.copyOf(pages, pages.length * 2);
            }
            if (pages[page] == null) {
                pages[page] = new long[PAGE_CELLS * width];
            }
        }
        return cell;
    }

    /** Adds {@code delta} to one slot of a cell {@link #cell(long)} gave. */
    void add(int cell, int slot, long delta) {
        pages[cell / PAGE_CELLS][(cell % PAGE_CELLS) * width + slot] += delta;
    }

    /** @return whether the key has a cell */
    boolean has(long key) {
        return index.containsKey(key);
    }

    /** @return the slot's value, 0 when the key has no cell */
    long get(long key, int slot) {
        int cell = index.getIfAbsent(key, -1);
        return cell < 0 ? 0 : pages[cell / PAGE_CELLS][(cell % PAGE_CELLS) * width + slot];
    }

    /**
     * Copies the key's row into {@code into}.
     *
     * @return false (and {@code into} untouched) when the key has no cell
     */
    boolean read(long key, long[] into) {
        int cell = index.getIfAbsent(key, -1);
        if (cell < 0) {
            return false;
        }
        System.arraycopy(pages[cell / PAGE_CELLS], (cell % PAGE_CELLS) * width, into, 0, width);
        return true;
    }

    int size() {
        return cells;
    }
}
