/** Engine internals (snapshot): not API, may change in any release. */
package dev.custflow.internal.snapshot;
