package dev.custflow.internal.guard;

/**
 * The limits a user rule's code runs under, checked by calls the compiler inserted into every class compiled from a
 * user's rule file ({@code dev.custflow.internal.compile.RuleInstrumenter}): at every method's start and every
 * backward jump (a loop) the time budget, and before an array or a sized JDK structure is made its size.
 *
 * <p>The budget belongs to the thread: the engine arms it when a rule starts firing (one partition evaluates on one
 * thread at a time) and disarms it after the evaluation, so rule code run at any other time (Drools evaluating a
 * declared default while compiling) is not limited. Time is {@link System#nanoTime()}: a safety limit, not the
 * business clock. Once the budget is spent every later check on the thread fails until it is armed again, so rule
 * code that caught the error (in a {@code finally}) is stopped at its next loop or call, and
 * {@link #takeTripped()} tells the engine the rule was stopped even if it returned.
 */
public final class RuleBudget {
    /** The most elements of an array, characters of a string or capacity of a collection a rule may ask for. */
    public static final int MAX_ELEMENTS = 1_000_000;
    /** Checks between two reads of the clock: a read costs about 20 ns, a check without one about 2. */
    private static final int CHECKS_PER_CLOCK_READ = 256;
    private static final ThreadLocal<State> STATE = ThreadLocal.withInitial(State::new);

    private RuleBudget() {
    }

    /** One thread's budget. */
    private static final class State {
        boolean armed;
        long deadline;
        long budgetNanos;
        int countdown;
        boolean tripped;
    }

    /**
     * Starts a budget on this thread.
     *
     * @param budgetNanos how long rule code may run from now
     */
    public static void arm(long budgetNanos) {
        State s = STATE.get();
        s.armed = true;
        s.budgetNanos = budgetNanos;
        s.deadline = System.nanoTime() + budgetNanos;
        s.countdown = CHECKS_PER_CLOCK_READ;
        s.tripped = false;
    }

    /** Ends the budget on this thread: rule code run from now on is not limited in time. */
    public static void disarm() {
        State s = STATE.get();
        s.armed = false;
        s.tripped = false;
    }

    /** @return true if rule code was stopped since the budget was armed or last asked; clears it */
    public static boolean takeTripped() {
        State s = STATE.get();
        boolean t = s.tripped;
        s.tripped = false;
        return t;
    }

    /** Called at every method start and loop of user rule code: stops it once the budget is spent. */
    public static void check() {
        State s = STATE.get();
        if (!s.armed) {
            return;
        }
        if (s.tripped) {
            throw overTime(s);
        }
        if (--s.countdown <= 0) {
            s.countdown = CHECKS_PER_CLOCK_READ;
            if (System.nanoTime() - s.deadline > 0) {
                s.tripped = true;
                throw overTime(s);
            }
        }
    }

    private static RuleLimitExceeded overTime(State s) {
        return new RuleLimitExceeded("stopped after its time budget of " + s.budgetNanos / 1_000_000
                + " ms (setting limits.ruleTimeBudgetMillis): a loop that does not end, or work too long for a rule");
    }

    /**
     * @param length the length of an array rule code is about to make
     * @return the length, if at most {@link #MAX_ELEMENTS}
     */
    public static int arrayLength(int length) {
        if (length > MAX_ELEMENTS) {
            throw tooLarge("an array of " + length + " elements");
        }
        return length;
    }

    /**
     * One dimension of a multi-dimensional array: the cells so far times this dimension (an empty one counts as one,
     * since the arrays before it are still made).
     *
     * @param cells the cells of the dimensions before
     * @param length this dimension
     * @return the cells including this dimension
     */
    public static long cells(long cells, int length) {
        long c = cells * Math.max(length, 1);
        if (length > MAX_ELEMENTS || c > MAX_ELEMENTS) {
            throw tooLarge("a multi-dimensional array of more than " + MAX_ELEMENTS + " cells");
        }
        return c;
    }

    /**
     * @param size a capacity, length or count a sizing JDK method receives from rule code
     * @return the size, if at most {@link #MAX_ELEMENTS}
     */
    public static int size(int size) {
        if (size > MAX_ELEMENTS) {
            throw tooLarge("a size of " + size);
        }
        return size;
    }

    /**
     * {@link String#repeat} for rule code: the result may have at most {@link #MAX_ELEMENTS} characters.
     *
     * @param s     the string
     * @param count how often
     * @return {@code s.repeat(count)}
     */
    public static String repeat(String s, int count) {
        if ((long) s.length() * count > MAX_ELEMENTS) {
            throw tooLarge("a string of " + (long) s.length() * count + " characters");
        }
        return s.repeat(count);
    }

    private static RuleLimitExceeded tooLarge(String what) {
        return new RuleLimitExceeded("stopped: it asked for " + what + ", more than the " + MAX_ELEMENTS
                + " a rule may have");
    }
}
