/**
 * The connector SPI: the interfaces a host implements to plug the engine into its persistence and
 * messaging (where actions go, where the audit trail goes). Each interface states its version.
 */
package dev.custflow.spi;
