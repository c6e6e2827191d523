/**
 * Kafka over the plain clients: {@link dev.custflow.connectors.kafka.KafkaEventSource} feeds an engine from a topic
 * (with {@link dev.custflow.EventPump}), {@link dev.custflow.connectors.kafka.KafkaActionSink} writes its actions to
 * a topic, and {@link dev.custflow.connectors.kafka.EventPublisher} is how a host puts events on the events topic:
 * keyed by customer id, and the events without a customer sent to every partition. The scale-out deployment, one
 * engine per stream task, is in {@code dev.custflow.connectors.kafka.streams}. See docs/kafka.md.
 */
package dev.custflow.connectors.kafka;
