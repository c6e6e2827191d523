package dev.custflow.internal.profile;

import dev.custflow.model.Times;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

/** Sorted lists of event times (epoch minutes, ascending) that forget what is too old to matter. */
final class MinuteLists {
    private MinuteLists() {
    }

    /** @return where {@code minute} goes to keep the list sorted: after every entry not later than it */
    static int insertionPoint(IntArrayList l, int minute) {
        int i = l.size();
        while (i > 0 && l.get(i - 1) > minute) {
            i--; // a late event still lands in time order
        }
        return i;
    }

    /** Adds a minute, keeps the list sorted, and drops entries older than {@code keepDays} before the last. */
    static IntArrayList add(IntArrayList list, int minute, int keepDays) {
        IntArrayList l = list == null ? new IntArrayList(2) : list;
        l.addAtIndex(insertionPoint(l, minute), minute);
        int horizon = l.getLast() - keepDays * Times.DAY_MINUTES;
        while (l.get(0) < horizon) {
            l.removeAtIndex(0);
        }
        return l;
    }

    /** Keeps at most {@code limit} entries, dropping the oldest. */
    static void cap(IntArrayList l, int limit) {
        while (l.size() > limit) {
            l.removeAtIndex(0);
        }
    }
}
