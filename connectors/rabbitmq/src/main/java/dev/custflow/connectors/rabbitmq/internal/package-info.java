/** Internals of the RabbitMQ connector: nothing outside the connector may use them. */
package dev.custflow.connectors.rabbitmq.internal;
