/**
 * What keeps a user rule from hanging or exhausting the engine: the per-thread time budget and the size limits that
 * instrumented rule code calls ({@link dev.custflow.internal.guard.RuleBudget}). Engine internals: not API.
 */
package dev.custflow.internal.guard;
