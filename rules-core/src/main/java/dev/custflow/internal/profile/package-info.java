/**
 * Engine internals (profile): the writable side of the fact model. {@link dev.custflow.internal.profile.CustomerRecord}
 * is the customer the engine keeps: it folds events in, applies what actions decide, merges duplicates, carries the
 * engine's bookkeeping and encodes itself for snapshots. Rules only ever see it as a read-only
 * {@link dev.custflow.model.Customer}. Not API, may change in any release.
 */
package dev.custflow.internal.profile;
