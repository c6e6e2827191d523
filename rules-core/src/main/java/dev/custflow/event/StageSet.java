package dev.custflow.event;

import dev.custflow.model.Stage;
import java.time.Instant;

/**
 * A person decided a customer's stage: a manager marks a customer LOYAL, a rep sets a lead aside as DISQUALIFIED. The
 * engine moves the customer at once (STAGE_CHANGED, naming who decided) and, unless {@code pin} is false, keeps the
 * stage there: the built-in rules and any rule that calls {@code actions.changeStage} leave a stage a person set
 * alone; only a rule that says so ({@code actions.overruleStage}) or a later StageSet moves it.
 *
 * @param id         event id
 * @param at         when
 * @param customerId the customer (or lead)
 * @param stage      the stage the person chose
 * @param by         who decided: the host's id of the user, e.g. {@code m-li} (shown in the action and the audit)
 * @param reason     why, in the person's words, optional; shown with personal data masked
 * @param pin        false to set the stage once and let the rules move it again; true (the default) to keep it
 */
public record StageSet(String id, Instant at, String customerId, Stage stage, String by, String reason, Boolean pin)
        implements Event {
    /** The longest reason kept, in characters. */
    public static final int MAX_REASON_LENGTH = Check.MAX_REASON_LENGTH;

    /** Validates the contract: customerId, stage and by are required. */
    public StageSet {
        Check.envelope("StageSet", id, at);
        Check.id("StageSet", "customerId", customerId);
        Check.required("StageSet", "stage", stage);
        Check.id("StageSet", "by", by);
        reason = Check.reason("StageSet", "reason", reason);
    }

    /** @return whether the stage stays where the person put it until a person or an overruling rule moves it */
    public boolean pinned() {
        return pin == null || pin;
    }

    @Override
    public String subjectId() {
        return customerId;
    }
}
