package dev.custflow.action;

/** Which message the host should send, with the Chinese label the Chinese business language accepts. */
public enum Template {
    COUPON("优惠券"), CROSS_SELL("交叉销售"), WIN_BACK("召回"), BIRTHDAY("生日祝福"), NURTURE("培育"),
    ONBOARDING("新客引导"), REFERRAL_INVITE("推荐邀请"), SHIPPING_NOTICE("发货通知"), CAMPAIGN("营销活动"),
    RECOMMENDATION("商品推荐");

    private final String chinese;

    Template(String chinese) {
        this.chinese = chinese;
    }

    /** @return the Chinese label, e.g. 优惠券 */
    public String chinese() {
        return chinese;
    }
}
