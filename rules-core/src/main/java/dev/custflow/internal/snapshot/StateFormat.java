package dev.custflow.internal.snapshot;

/**
 * The versions and part keys of the stored formats (docs/connectors.md, "Engine state parts"), in the bottom package
 * so that the codec, the indexes and the packs that write parts need nothing above it.
 */
public final class StateFormat {
    /**
     * The customer snapshot format written by this version of the engine (2: when the lead got its rep, who set its
     * stage or rep by hand, the score last reported to sales, the referrer a host-issued referral code named, and,
     * appended at the end of version 1, the account key and the other phones and e-mails; 3: appended at the end of
     * version 2, the fulfilment state of the orders: lines, status timelines, invoice and reminders, closed orders
     * and on-time figures). Versions 1 and 2 still load.
     */
    public static final int VERSION = 3;
    /** The engine state format written by this version of the engine (2: keyed parts; 3: the dedup journal). */
    public static final int ENGINE_VERSION = 3;
    /** The key of the engine state's main part. */
    public static final String STATE = "state";
    /** Key prefix of the recent event ids' segments. */
    public static final String EVENT_IDS = "ids.events.";
    /** Key prefix of the de-duplication index's journal segments (version 3 on). */
    public static final String DEDUP = "dedup.";
    /** Key of the account index's journal length (customer format 2 on; a part of its own, no engine format step). */
    public static final String ACCOUNTS = "accounts";
    /** Key prefix of the account index's journal segments. */
    public static final String ACCOUNT_SEGMENTS = "accounts.";
    /** Key of the referral codes hosts issued (ReferralCodeIssued), a part of its own, written whole. */
    public static final String REFERRAL_CODES = "referral.codes";
    /** Key prefix of the delivered action ids' segments. */
    public static final String ACTION_IDS = "ids.actions.";
    /** Key prefix of the order owners' segments. */
    public static final String ORDER_OWNERS = "owners.orders.";
    /** Key prefix of the ticket owners' segments. */
    public static final String TICKET_OWNERS = "owners.tickets.";

    private StateFormat() {
    }

    /** Reads an engine state part's version byte. */
    public static int engineVersion(SnapshotInput in) {
        return version(in, ENGINE_VERSION);
    }

    /**
     * @param in     the bytes, at their version byte
     * @param newest the newest version this engine writes
     * @return the version read
     * @throws IllegalArgumentException if this engine cannot read it
     */
    public static int version(SnapshotInput in, int newest) {
        int version = in.readByte();
        if (version < 1 || version > newest) {
            throw new IllegalArgumentException("snapshot format version " + version + " is not one this engine reads "
                    + "(1 to " + newest + ")" + (version > newest ? ": it was written by a newer engine" : ""));
        }
        return version;
    }
}
