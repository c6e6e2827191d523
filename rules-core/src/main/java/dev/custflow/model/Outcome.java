package dev.custflow.model;

/** How an opportunity closed ({@code OpportunityClosed.outcome}). */
public enum Outcome { WON, LOST }
