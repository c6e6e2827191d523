/**
 * The JSON Lines connector: events read from a file or stream and actions written to one, one JSON object per line.
 */
package dev.custflow.connectors.jsonl;
