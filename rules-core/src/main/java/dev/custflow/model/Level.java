package dev.custflow.action;

/** Risk level of a churn warning. */
public enum Level { LOW, MEDIUM, HIGH }
