/**
 * Actions: what the engine asks the host to do. A sealed hierarchy of immutable records that map
 * 1:1 to the JSON contract (docs/events.md); {@link dev.custflow.Json} reads and writes them.
 */
package dev.custflow.action;
