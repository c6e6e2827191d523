/**
 * The project's runnable examples: {@code custflow demo}, which runs a {@link
 * dev.custflow.examples.CompanySimulator simulated company} or the real {@link
 * dev.custflow.examples.CdnowHistory CDNOW purchase history} through the engine and prints a
 * {@link dev.custflow.examples.DemoReport report}; {@code custflow calibrate}, which learns a
 * lead scorecard from past leads ({@link dev.custflow.examples.LeadHistory Leads.csv}, or any {@link
 * dev.custflow.examples.LeadTable lead table} read by a {@link dev.custflow.examples.LeadMapping mapping})
 * ({@link dev.custflow.examples.LeadCalibration}) and measures it through the engine ({@link
 * dev.custflow.examples.LeadQuality}); {@code custflow whatif}, which replays a history with the rules in
 * use and with a proposed change and reports what would change ({@link dev.custflow.examples.WhatIf}); and
 * the README's {@link
 * dev.custflow.examples.EmbeddingExample embedding example}.
 */
package dev.custflow.examples;
