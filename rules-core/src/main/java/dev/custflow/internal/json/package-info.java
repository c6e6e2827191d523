/** Engine internals (json): not API, may change in any release. */
package dev.custflow.internal.json;
