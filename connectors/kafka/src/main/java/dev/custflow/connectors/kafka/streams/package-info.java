/**
 * The scale-out deployment on Kafka Streams: {@link dev.custflow.connectors.kafka.streams.CustflowTopology} runs one
 * engine per stream task, with its state in a changelogged store. See docs/kafka.md.
 */
package dev.custflow.connectors.kafka.streams;
