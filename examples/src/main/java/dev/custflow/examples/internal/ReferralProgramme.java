package dev.custflow.examples.internal;

import dev.custflow.event.Event;
import dev.custflow.event.ReferralCodeIssued;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The company's referral programme: it gives a customer a code of its own making ({@code VIP-} and six letters and
 * digits) a few days before a friend of theirs comes with it, and tells the engine (ReferralCodeIssued). A lead that
 * comes by referral names an earlier customer; now and then the code is mistyped on the form (one character off), or
 * is a code nobody was issued (an old flyer's), so the engine's report of unknown codes has something to show.
 */
public final class ReferralProgramme extends Actor {
    /** Letters and digits that are not mistaken for each other (no 0/O, 1/I/L). */
    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final long DAY = 86_400_000L;
    /** A referrer has been a lead for at least this long. */
    private static final long REFERRER_SINCE = 30 * DAY;
    /** Of the leads that come with a code: mistyped one character, a code nobody issued. */
    private static final double MISTYPED = 0.06;
    private static final double NEVER_ISSUED = 0.02;

    private final List<ReferralCodeIssued> issued = new ArrayList<>();
    private int next;

    /**
     * Picks the referrer of every lead that comes by referral among the customers who arrived a month or more
     * before it, decides the code it comes with, and plans the codes' issue.
     *
     * @param customers every simulated customer
     * @param seed      the simulation seed
     */
    public ReferralProgramme(List<SimulatedCustomer> customers, long seed) {
        super(1, 1);
        SplittableRandom r = new SplittableRandom(seed ^ 0x5EEDF00DL);
        List<SimulatedCustomer> byArrival = new ArrayList<>(customers);
        byArrival.sort(Comparator.comparingLong(SimulatedCustomer::arrivesAt).thenComparing(SimulatedCustomer::id));
        Map<String, String> codes = new HashMap<>();
        int earlier = 0; // byArrival[0, earlier): arrived at least REFERRER_SINCE before the lead at hand
        for (SimulatedCustomer c : byArrival) {
            while (earlier < byArrival.size() && byArrival.get(earlier).arrivesAt() <= c.arrivesAt() - REFERRER_SINCE) {
                earlier++;
            }
            if (!c.byReferral() || earlier == 0) {
                continue; // the first month's referrals are by word of mouth, without a code
            }
            SimulatedCustomer referrer = byArrival.get(r.nextInt(earlier));
            String code = codes.get(referrer.id());
            if (code == null) {
                code = code(r);
                codes.put(referrer.id(), code);
                long at = Math.max(referrer.arrivesAt() + DAY, c.arrivesAt() - (1 + r.nextInt(14)) * DAY);
                issued.add(new ReferralCodeIssued("referral-code-" + referrer.id(), Instant.ofEpochMilli(at),
                        referrer.id(), code));
            }
            double luck = r.nextDouble();
            c.comesWith(luck < MISTYPED ? mistyped(code, r) : luck < MISTYPED + NEVER_ISSUED ? code(r) : code);
        }
        issued.sort(Comparator.comparing(ReferralCodeIssued::at).thenComparing(ReferralCodeIssued::id));
    }

    /** @return the codes the programme issues, in time order */
    public List<ReferralCodeIssued> issued() {
        return List.copyOf(issued);
    }

    private static String code(SplittableRandom r) {
        StringBuilder b = new StringBuilder("VIP-");
        for (int i = 0; i < 6; i++) {
            b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /** The code with one of its six characters typed wrong. */
    private static String mistyped(String code, SplittableRandom r) {
        int at = 4 + r.nextInt(6);
        char wrong;
        do {
            wrong = ALPHABET.charAt(r.nextInt(ALPHABET.length()));
        } while (wrong == code.charAt(at));
        return code.substring(0, at) + wrong + code.substring(at + 1);
    }

    @Override
    public long nextAt() {
        return next < issued.size() ? issued.get(next).at().toEpochMilli() : DONE;
    }

    @Override
    public Event next() {
        return issued.get(next++);
    }
}
