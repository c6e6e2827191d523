/**
 * The demo's machinery: the simulated company's actors, the merge of their event streams, the
 * report layout and the progress bar; and the calibration's maths (weight of evidence, quantile
 * bands, logistic regression, AUC) and its YAML writer. Not an API: nothing outside the examples module may use it.
 */
package dev.custflow.examples.internal;
