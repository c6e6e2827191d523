package dev.custflow.model;

/** Risk level of a churn warning, with the Chinese label the Chinese business language accepts (高 for HIGH). */
public enum Level {
    LOW("低"), MEDIUM("中"), HIGH("高");

    private final String chinese;

    Level(String chinese) {
        this.chinese = chinese;
    }

    /** @return the Chinese label, e.g. 高 */
    public String chinese() {
        return chinese;
    }
}
