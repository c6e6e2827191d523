/**
 * Test support for rule authors and hosts: {@link dev.custflow.test.RuleVerifier} (given events,
 * then these actions and no others), the {@link dev.custflow.test.Scenario} it builds and runs
 * (the same runner {@code custflow test} uses for scenario files, docs/scenarios.md), its
 * {@link dev.custflow.test.ScenarioResult} with a readable diff, and a {@link dev.custflow.test.ManualClock}.
 */
package dev.custflow.test;
