package dev.custflow.model;

/**
 * The customer's verdict in an after-sales review ({@code SurveyAnswered.review}), with the Chinese label the Chinese
 * business language accepts (差评 for BAD).
 */
public enum Review {
    GOOD("好评"), NEUTRAL("中评"), BAD("差评");

    private final String chinese;

    Review(String chinese) {
        this.chinese = chinese;
    }

    /** @return the Chinese label, e.g. 差评 */
    public String chinese() {
        return chinese;
    }
}
