package dev.custflow.action;

/** What a rep's task is for, with the Chinese label the Chinese business language accepts. */
public enum TaskKind {
    FOLLOW_UP("跟进"), BIRTHDAY("生日关怀"), RENEWAL("续约"), REVISIT("回访"), ONBOARDING("新客培训"),
    CARE_CALL("关怀电话"), APPROVAL("审批"), TICKET_TIMEOUT("工单超时"), ESCALATION("升级处理"),
    PAYMENT("催款");

    private final String chinese;

    TaskKind(String chinese) {
        this.chinese = chinese;
    }

    /** @return the Chinese label, e.g. 回访 */
    public String chinese() {
        return chinese;
    }
}
