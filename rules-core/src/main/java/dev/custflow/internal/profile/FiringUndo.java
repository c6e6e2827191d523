package dev.custflow.internal.profile;

import dev.custflow.model.Notes;
import dev.custflow.model.Segment;
import dev.custflow.model.Stage;
import dev.custflow.model.Warnings;

/**
 * What one rule firing changed in the customer being evaluated, kept so that a firing that fails half-way can be put
 * back exactly ({@link #restore}). The parts the actions change most often (tags, notes, warnings, stage, segment,
 * score) are saved before their first change by keeping their current values: these parts' arrays are replaced on
 * every change, never written in place, so keeping a reference keeps the value. Any other change saves the whole
 * profile in the snapshot encoding ({@link AbstractCustomerRecord#checkpoint}), as every change did before: a tag
 * costs a reference instead of an encoding of the whole customer. Engine use only; one per session, reused from
 * firing to firing.
 */
public final class FiringUndo {
    /** What an action is about to change in the customer. */
    public enum Part {
        TAGS, NOTES, WARNINGS, STAGE, SEGMENT, SCORE,
        /** Anything else: the whole profile is saved. */
        ANY
    }

    /** The parts saved, one bit per {@link Part#ordinal()}. */
    private int saved;
    /** The whole profile, once a change outside the parts needed it; nothing is saved after it. */
    private byte[] whole;

    String[] tags;
    Notes notes;
    Warnings warnings;
    Stage stage;
    long stageSince;
    String stageSetBy;
    long[] hist;
    Object histRules;
    Segment segment;
    int score;
    String grade;
    int reportedScore;
    String reportedGrade;
    long scoreReportedAt;

    /**
     * Saves what {@code part} of the customer is now, unless it is saved already (the first value is the one to put
     * back) or the whole profile is.
     *
     * @param c    the customer being evaluated, the same for every call until {@link #clear}
     * @param part what the next change touches
     */
    public void before(AbstractCustomerRecord c, Part part) {
        int bit = 1 << part.ordinal();
        if (whole != null || (saved & bit) != 0) {
            return;
        }
        saved |= bit;
        if (part == Part.ANY) {
            whole = c.checkpoint();
        } else {
            c.saveTo(this, part);
        }
    }

    /** @return true when nothing was saved: the firing has not changed the customer through an action */
    public boolean isEmpty() {
        return saved == 0;
    }

    /**
     * Puts the customer back as it was before the first save, and forgets what was saved. The whole profile first,
     * then the parts saved before it, which hold older values.
     *
     * @param c the customer {@link #before} saved
     */
    public void restore(AbstractCustomerRecord c) {
        if (whole != null) {
            c.rollBack(whole);
        }
        for (Part p : Part.values()) {
            if (p != Part.ANY && (saved & 1 << p.ordinal()) != 0) {
                c.restoreFrom(this, p);
            }
        }
        clear();
    }

    /** Forgets what was saved: a new firing starts. */
    public void clear() {
        if (saved == 0) {
            return;
        }
        saved = 0;
        whole = null;
        tags = null;
        notes = null;
        warnings = null;
        stage = null;
        stageSetBy = null;
        hist = null;
        histRules = null;
        segment = null;
        grade = null;
        reportedGrade = null;
    }
}
