/**
 * Settings: every threshold, weight and switch of the built-in rules, as immutable records that
 * rules read through the global {@code settings}.
 */
package dev.custflow.settings;
