/** Engine internals (packs): not API, may change in any release. */
package dev.custflow.internal.packs;
