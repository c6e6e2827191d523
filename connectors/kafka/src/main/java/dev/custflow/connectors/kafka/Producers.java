package dev.custflow.connectors.kafka;

import dev.custflow.ConnectorException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the publisher and the action sink share: an idempotent producer, and sending a batch the broker took whole. */
final class Producers {
    private Producers() {
    }

    /**
     * @param producerConfig the host's configuration (needs {@code bootstrap.servers})
     * @return a producer with String serializers, {@code enable.idempotence=true} and {@code acks=all} set over it
     */
    static Producer<String, String> idempotent(Map<String, Object> producerConfig) {
        Map<String, Object> config = new HashMap<>(producerConfig);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /**
     * Sends the records and waits until the broker acknowledged every one.
     *
     * @param what what the records are, for the error ("12 actions")
     * @throws ConnectorException naming the topic if any record was not acknowledged
     */
    static void sendAll(Producer<String, String> producer, String topic, List<ProducerRecord<String, String>> records,
                        String what) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
        try {
            for (ProducerRecord<String, String> r : records) {
                sent.add(producer.send(r));
            }
            for (Future<RecordMetadata> f : sent) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw new ConnectorException("kafka:" + topic, "the broker did not take " + what, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException("kafka:" + topic, "interrupted while sending " + what, e);
        } catch (KafkaException e) {
            throw new ConnectorException("kafka:" + topic, "sending " + what + " failed", e);
        }
    }
}
