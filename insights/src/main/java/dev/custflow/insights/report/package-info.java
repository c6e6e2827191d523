/**
 * The HTML report a sales director opens (docs/report.md): one self-contained file, its charts drawn by Apache ECharts
 * inlined from the WebJar, its figures those of the BI export. Package-private classes here are not API.
 */
package dev.custflow.insights.report;
