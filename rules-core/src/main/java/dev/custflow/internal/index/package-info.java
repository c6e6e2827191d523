/** Engine internals (index): not API, may change in any release. */
package dev.custflow.internal.index;
