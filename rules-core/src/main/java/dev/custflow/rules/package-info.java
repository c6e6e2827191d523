/**
 * What rules call: the {@link dev.custflow.rules.Actions} builders (global {@code actions}) and the
 * due-time {@link dev.custflow.rules.Schedule} (global {@code schedule}), and
 * {@link dev.custflow.rules.LeadScore}, a lead's score at the engine's clock. Together with the fact
 * model ({@link dev.custflow.model}) and the settings (global {@code settings}) this is everything
 * a rule may use.
 */
package dev.custflow.rules;
