package dev.custflow.cli;

import java.util.concurrent.Callable;

/**
 * A sub-command of {@code custflow} contributed by another module (the demo lives in examples,
 * which the CLI module cannot depend on). Implementations are picocli {@code @Command} classes,
 * listed in {@code META-INF/services/dev.custflow.cli.CliCommand}.
 */
public interface CliCommand extends Callable<Integer> {
}
