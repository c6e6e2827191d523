package dev.custflow.model;

/** The customer's verdict in an after-sales review ({@code SurveyAnswered.review}). */
public enum Review { GOOD, NEUTRAL, BAD }
