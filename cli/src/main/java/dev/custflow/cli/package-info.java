/**
 * The {@code custflow} command line ({@link dev.custflow.cli.Main}): replay, lint and test, and demo, whatif and
 * calibrate over the simulations of the examples module. {@code replay --store} opens its store through
 * {@link dev.custflow.cli.CustomerStoreProvider}.
 */
package dev.custflow.cli;
