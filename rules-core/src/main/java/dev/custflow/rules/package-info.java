/**
 * What rules call: the {@link dev.custflow.rules.Actions} builders (global {@code actions}) and the
 * due-time {@link dev.custflow.rules.Schedule} (global {@code schedule}), working time on the calendar of a
 * customer's owner ({@link dev.custflow.rules.WorkingTime}, global {@code workingTime}), and
 * {@link dev.custflow.rules.LeadScore}, a lead's score at the engine's clock. Together with the fact
 * model ({@link dev.custflow.model}) and the settings (global {@code settings}) this is everything
 * a rule may use.
 */
package dev.custflow.rules;
