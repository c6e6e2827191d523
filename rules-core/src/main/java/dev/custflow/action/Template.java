package dev.custflow.action;

/** Which message the host should send. */
public enum Template {
    COUPON, CROSS_SELL, WIN_BACK, BIRTHDAY, NURTURE, ONBOARDING, REFERRAL_INVITE, SHIPPING_NOTICE, CAMPAIGN,
    RECOMMENDATION
}
