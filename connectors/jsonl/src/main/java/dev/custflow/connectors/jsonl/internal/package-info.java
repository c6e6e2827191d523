/**
 * Internals of the JSON Lines connector (line reading); they may change in any release.
 */
package dev.custflow.connectors.jsonl.internal;
