/**
 * How rules-dsl compiles the rule files that are not DRL: the business language ({@code .dsl}, {@code .dslr})
 * and decision tables ({@code .drl.xlsx}, {@code .drl.csv}), registered with the core's compiler as
 * {@code RuleTranslator}s (META-INF/services). Not API: nothing outside this module may use it.
 */
package dev.custflow.dsl.internal;
