/**
 * Contracts a host runs against its own connector: extend {@link dev.custflow.connectors.testkit.CustomerStoreContract}
 * or {@link dev.custflow.connectors.testkit.ActionSinkContract} in a test class, supply the implementation, and the
 * inherited tests check what the engine relies on (atomic commits, positions, streaming, ordered at-least-once
 * delivery). Add the artifact {@code dev.custflow:connectors-testkit} with test scope.
 */
package dev.custflow.connectors.testkit;
