/** Engine internals (compile): not API, may change in any release. */
package dev.custflow.internal.compile;
