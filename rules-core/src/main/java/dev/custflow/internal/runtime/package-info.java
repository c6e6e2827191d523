/** Engine internals: not API, may change in any release. */
package dev.custflow.internal.runtime;
