package dev.custflow.model;

import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

/** Rolling windows of event times (epoch minutes, ascending) that forget what is too old to matter. */
final class Windows {
    private Windows() {
    }

    /** Adds a minute, keeps the list sorted, and drops entries older than {@code keepDays} before it. */
    static IntArrayList add(IntArrayList list, int minute, int keepDays) {
        IntArrayList l = list == null ? new IntArrayList(2) : list;
        int i = l.size();
        while (i > 0 && l.get(i - 1) > minute) {
            i--;
        }
        l.addAtIndex(i, minute);
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

    /** Counts entries at or after {@code sinceMinute}. */
    static int countSince(IntArrayList l, int sinceMinute) {
        if (l == null) {
            return 0;
        }
        int n = 0;
        for (int i = l.size() - 1; i >= 0 && l.get(i) >= sinceMinute; i--) {
            n++;
        }
        return n;
    }
}
