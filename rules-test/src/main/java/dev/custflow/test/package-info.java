/**
 * Test support for rule authors and hosts, in the rules-test module (add {@code dev.custflow:rules-test} with
 * test scope): {@link dev.custflow.test.RuleVerifier} (given events, then these actions and no others), the
 * {@link dev.custflow.test.Scenario} it builds and runs (the same runner {@code custflow test} uses for scenario
 * files, docs/scenarios.md), its {@link dev.custflow.test.ScenarioResult} with a readable diff, and a
 * {@link dev.custflow.test.ManualClock}. Expected fields are plain values (text, numbers, lists, maps); how they
 * are compared with an action's JSON form stays inside.
 */
package dev.custflow.test;
