package dev.custflow.model;

/** Risk level of a churn warning. */
public enum Level { LOW, MEDIUM, HIGH }
