/** Internals of the JDBC connector: not an API, may change in any release. */
package dev.custflow.connectors.jdbc.internal;
