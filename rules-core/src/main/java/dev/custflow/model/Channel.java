package dev.custflow.model;

/** How a message reaches the customer, with the Chinese label the Chinese business language accepts. */
public enum Channel {
    EMAIL("邮件"), SMS("短信"), WECHAT("微信"), CALL("电话");

    private final String chinese;

    Channel(String chinese) {
        this.chinese = chinese;
    }

    /** @return the Chinese label, e.g. 微信 */
    public String chinese() {
        return chinese;
    }
}
