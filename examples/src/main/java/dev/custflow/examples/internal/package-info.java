/**
 * The demo's machinery: the simulated company's actors, the merge of their event streams, the
 * report layout and the progress bar. Not an API: nothing outside the examples module may use it.
 */
package dev.custflow.examples.internal;
