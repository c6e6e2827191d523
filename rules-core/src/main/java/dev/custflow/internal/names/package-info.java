/** Engine internals (names): how company and person names compare; not API, may change in any release. */
package dev.custflow.internal.names;
