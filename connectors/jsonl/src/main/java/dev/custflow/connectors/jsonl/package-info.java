/** The JSON Lines connector: actions written to a file or stream, one JSON object per line. */
package dev.custflow.connectors.jsonl;
