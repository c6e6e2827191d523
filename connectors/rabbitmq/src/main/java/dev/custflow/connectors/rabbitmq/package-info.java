/**
 * The RabbitMQ connector: {@link dev.custflow.connectors.rabbitmq.RabbitEventSource} feeds an
 * {@link dev.custflow.EventPump} from a queue and acknowledges only what the engine committed;
 * {@link dev.custflow.connectors.rabbitmq.RabbitActionSink} publishes actions with publisher confirms, one persistent
 * JSON message per action whose message id is the action id. docs/rabbitmq.md tells how to wire them.
 */
package dev.custflow.connectors.rabbitmq;
