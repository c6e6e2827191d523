/** How the insights are kept and computed. Not API: nothing outside this module may use it. */
package dev.custflow.insights.internal;
