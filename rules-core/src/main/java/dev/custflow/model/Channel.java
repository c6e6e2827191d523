package dev.custflow.model;

/** How a message reaches the customer. */
public enum Channel { EMAIL, SMS, WECHAT, CALL }
