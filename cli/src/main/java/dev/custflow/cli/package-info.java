/**
 * The {@code custflow} command line ({@link dev.custflow.cli.Main}): replay, lint, test and the commands other
 * modules contribute through {@link dev.custflow.cli.CliCommand}.
 */
package dev.custflow.cli;
