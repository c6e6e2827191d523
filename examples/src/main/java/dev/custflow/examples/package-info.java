/**
 * The project's runnable examples: {@code custflow demo}, which runs a {@link
 * dev.custflow.examples.CompanySimulator simulated company} or the real {@link
 * dev.custflow.examples.CdnowHistory CDNOW purchase history} through the engine and prints a
 * {@link dev.custflow.examples.DemoReport report}, and the README's {@link
 * dev.custflow.examples.EmbeddingExample embedding example}.
 */
package dev.custflow.examples;
