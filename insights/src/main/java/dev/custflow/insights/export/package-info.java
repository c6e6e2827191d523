/**
 * Exports for BI tools (FineBI, Power BI, Superset): the KPI and customer tables of {@link
 * dev.custflow.insights.export.BiSchema}, versioned and documented in docs/bi-export.md, as CSV, JSON Lines or SQL
 * tables. Package-private classes here are not API.
 */
package dev.custflow.insights.export;
