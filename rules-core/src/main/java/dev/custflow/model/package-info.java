/**
 * The fact model the rules reason about: one {@link dev.custflow.model.Customer} profile per
 * customer (一客一档), {@link dev.custflow.model.Rep}s, and the value types they use. This is the
 * rule author's reference: every getter here may be used in a rule condition. Nothing here changes a
 * profile: the engine's internal subclasses fold events in and apply what actions decide, and the parts
 * of a profile marked "Engine use" are read by rules only through {@code Customer}.
 */
package dev.custflow.model;
