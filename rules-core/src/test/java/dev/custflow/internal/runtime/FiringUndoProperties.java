package dev.custflow.internal.runtime;

import static dev.custflow.testdata.Events.at;
import static dev.custflow.testdata.Events.contact;
import static dev.custflow.testdata.Events.lead;
import static dev.custflow.testdata.Events.nps;
import static dev.custflow.testdata.Events.order;
import static dev.custflow.testdata.Events.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.internal.profile.CustomerRecord;
import dev.custflow.model.InteractionKind;
import dev.custflow.model.Level;
import dev.custflow.model.Segment;
import dev.custflow.model.Stage;
import dev.custflow.model.TicketKind;
import dev.custflow.rules.Reasons;
import dev.custflow.settings.Settings;
import java.time.Instant;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A user rule that fails half-way leaves the customer exactly as before its consequence, whatever mix of actions it
 * took first: the parts saved by reference (tags, notes, warnings, stage, segment, score) and the whole profile an
 * other action saves, in any order and any number of times. "Exactly" is the snapshot encoding, which holds every
 * field of the profile.
 */
class FiringUndoProperties {
    private static final String[] TAGS = {"vip", "user-1", "user-2", "wholesale", "late payer"};
    private static final String[] CAUSES = {"NO_ORDER", "COMPLAINTS", "LOW_NPS"};
    private static final Instant NOW = at("2024-03-01");

    @Property(tries = 300)
    void aFailedFiring_putsTheCustomerBackExactly(@ForAll long seed, @ForAll @IntRange(min = 0, max = 12) int changes,
                                                  @ForAll boolean builtInFiredFirst) {
        Random r = new Random(seed);
        CustomerRecord c = profile(r);
        ActionCollector actions = new ActionCollector(null, Settings.ofDefaults(), Reasons.of(Locale.ENGLISH));
        actions.begin(c, null, "ev-1", NOW.toEpochMilli());
        if (builtInFiredFirst) { // a built-in rule's change is kept: the user rule's undo starts after it
            actions.ruleFiring("lifecycle: built in", false);
            act(actions, c, r);
        }
        byte[] before = c.checkpoint();
        String[] tagsBefore = c.getTags().toArray(String[]::new);

        actions.ruleFiring("user: fails half-way", true);
        for (int i = 0; i < changes; i++) {
            act(actions, c, r);
        }
        actions.dropFiring();

        assertThat(c.checkpoint()).isEqualTo(before);
        assertThat(c.getTags()).containsExactly(tagsBefore);
        assertThat(c.getNow()).isEqualTo(NOW);
    }

    @Property(tries = 100)
    void aFiringThatSucceeds_keepsItsChanges_andTheNextFailureUndoesOnlyItsOwn(@ForAll long seed) {
        Random r = new Random(seed);
        CustomerRecord c = profile(r);
        ActionCollector actions = new ActionCollector(null, Settings.ofDefaults(), Reasons.of(Locale.ENGLISH));
        actions.begin(c, null, "ev-1", NOW.toEpochMilli());
        actions.ruleFiring("user: succeeds", true);
        for (int i = 0; i < 4; i++) {
            act(actions, c, r);
        }
        byte[] afterFirst = c.checkpoint();

        actions.ruleFiring("user: fails half-way", true);
        for (int i = 0; i < 4; i++) {
            act(actions, c, r);
        }
        actions.dropFiring();

        assertThat(c.checkpoint()).isEqualTo(afterFirst);
    }

    /** A customer with some history, tags, notes, warnings, a stage and a score, from the seed. */
    private static CustomerRecord profile(Random r) {
        CustomerRecord c = new CustomerRecord("C1", at("2024-01-01"));
        c.now(NOW);
        if (r.nextBoolean()) {
            c.apply(lead("C1", "2024-01-02", "WECHAT"));
        }
        for (int i = r.nextInt(4); i > 0; i--) {
            c.apply(order("o" + i, "C1", "2024-01-1" + i, 100 + r.nextInt(900)));
        }
        if (r.nextBoolean()) {
            c.apply(contact("C1", InteractionKind.CALL, "r-1", "2024-02-01"));
        }
        if (r.nextBoolean()) {
            c.apply(ticket("t1", "C1", TicketKind.COMPLAINT, "2024-02-02"));
        }
        if (r.nextBoolean()) {
            c.apply(nps("C1", r.nextInt(11), "2024-02-03"));
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            c.addTag(TAGS[r.nextInt(TAGS.length)]);
        }
        if (r.nextBoolean()) {
            c.note("welcomed");
        }
        if (r.nextBoolean()) {
            c.openWarning(CAUSES[r.nextInt(CAUSES.length)], Level.MEDIUM);
        }
        if (r.nextBoolean()) {
            c.moveTo(Stage.CUSTOMER, at("2024-01-10"), "first order");
        }
        if (r.nextBoolean()) {
            c.setScore(40, "C");
        }
        return c;
    }

    /** One action a rule may take, any of those that change the customer. */
    private static void act(ActionCollector actions, CustomerRecord c, Random r) {
        String tag = TAGS[r.nextInt(TAGS.length)];
        String cause = CAUSES[r.nextInt(CAUSES.length)];
        switch (r.nextInt(13)) {
            case 0, 1 -> actions.addTag(c, tag, "a tag");
            case 2 -> actions.removeTag(c, tag, "no tag");
            case 3 -> actions.note(c, r.nextBoolean() ? "welcomed" : "called");
            case 4 -> actions.forget(c, r.nextBoolean() ? "welcomed" : "called");
            case 5 -> actions.warnChurn(c, cause, Level.values()[r.nextInt(Level.values().length)], "a warning");
            case 6 -> actions.clearChurn(c, cause, "no warning");
            case 7 -> actions.changeStage(c, Stage.values()[r.nextInt(Stage.values().length)], "a stage");
            case 8 -> actions.overruleStage(c, Stage.values()[r.nextInt(Stage.values().length)], "a stage");
            case 9 -> actions.changeSegment(c, Segment.values()[r.nextInt(Segment.values().length)], "a segment");
            case 10 -> actions.scoreLead(c, r.nextInt(100), r.nextBoolean() ? "A" : "B", 10, 20, "a score");
            case 11 -> actions.addBehaviourPoints(c, "page view", 1, 1 + r.nextInt(5)); // saves the whole profile
            default -> actions.recordReferrer(c, "C" + r.nextInt(3)); // saves the whole profile
        }
    }
}
