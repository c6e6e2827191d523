package dev.custflow.action;

/** How a message reaches the customer. */
public enum Channel { EMAIL, SMS, WECHAT, CALL }
