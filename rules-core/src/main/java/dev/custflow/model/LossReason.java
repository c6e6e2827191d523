package dev.custflow.model;

/**
 * Why the sales team gave up on a lead ({@code LeadLost.reason}, docs/events.md): a short, fixed set, so the host's
 * reports can count them and the free text goes to the event's note.
 */
public enum LossReason {
    /** 没有预算: the lead has no budget for it. */
    NO_BUDGET("没有预算"),
    /** 选择了竞争对手: the lead bought from a competitor. */
    CHOSE_COMPETITOR("选择了竞争对手"),
    /** 联系不上: the lead could not be reached after several attempts. */
    UNREACHABLE("联系不上"),
    /** 没有需求: the lead does not need what we sell. */
    NO_NEED("没有需求"),
    /** 其他原因: anything else, said in the note. */
    OTHER("其他原因");

    private final String chinese;

    LossReason(String chinese) {
        this.chinese = chinese;
    }

    /** @return the Chinese label used in reports */
    public String chinese() {
        return chinese;
    }
}
