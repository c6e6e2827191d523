/**
 * What managers steer by, computed from what the engine saw and decided: KPIs per period and per rep, team, channel
 * and region, kept up to date event by event (never recounted per query), queries under a data scope, and what is
 * built on them. Everything under {@code dev.custflow.insights.internal} is not API.
 */
package dev.custflow.insights;
