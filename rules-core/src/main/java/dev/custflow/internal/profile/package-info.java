/**
 * Engine internals (profile): the writable side of the fact model. Rules see a read-only model; the engine's own
 * subclasses here fold events in. Not API, may change in any release.
 */
package dev.custflow.internal.profile;
