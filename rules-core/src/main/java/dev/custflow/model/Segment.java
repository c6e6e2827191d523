package dev.custflow.model;

/** RFM segments (客户分层, docs/design/rules-catalog.md §9), with the labels sales teams use. */
public enum Segment {
    /** Recent, frequent and big buyers. */
    HIGH_VALUE("高价值客户"),
    /** Recent buyers who are not yet frequent or big. */
    POTENTIAL("潜力客户"),
    /** A first order in the last weeks. */
    NEW("新客户"),
    /** Frequent or big buyers who have not bought lately. */
    AT_RISK("风险客户"),
    /** Small buyers who have not bought lately. */
    SLEEPING("沉睡客户"),
    /** Small buyers who have not bought for the longest. */
    LOST("流失客户");

    private final String chinese;

    Segment(String chinese) {
        this.chinese = chinese;
    }

    /** @return the Chinese label, e.g. 高价值客户 */
    public String chinese() {
        return chinese;
    }
}
