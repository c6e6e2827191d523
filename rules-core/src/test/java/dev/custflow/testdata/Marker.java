package dev.custflow.testdata;

/** A host's fact for tests of user rules on their own (the rule cache): rules read its value and set what they saw. */
public final class Marker {
    private final int value;
    private int seen;

    /** @param value what rules read */
    public Marker(int value) {
        this.value = value;
    }

    /** @return what rules read */
    public int getValue() {
        return value;
    }

    /** @return what the rules set */
    public int getSeen() {
        return seen;
    }

    /** @param seen what the rules saw */
    public void setSeen(int seen) {
        this.seen = seen;
    }
}
