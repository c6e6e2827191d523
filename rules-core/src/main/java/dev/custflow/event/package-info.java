/**
 * Events: what happened, told to the engine by the host. One immutable record per event type of
 * the JSON contract (docs/events.md); {@link dev.custflow.Json} reads and writes them.
 */
package dev.custflow.event;
