/**
 * Test support for rule authors and hosts: {@link dev.custflow.test.RuleVerifier} (given events,
 * then these actions and no others) and a {@link dev.custflow.test.ManualClock}.
 */
package dev.custflow.test;
