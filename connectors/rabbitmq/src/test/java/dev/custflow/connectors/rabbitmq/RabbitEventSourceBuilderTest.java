package dev.custflow.connectors.rabbitmq;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Settings are checked before anything connects. */
class RabbitEventSourceBuilderTest {

    @Test
    void aPrefetchSmallerThanTheBatch_isRefused_withASuggestion() {
        assertThatThrownBy(() -> RabbitEventSource.builder().prefetch(100).maxBatch(500).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("The prefetch (100) is smaller than the batch size (500)")
                .hasMessageContaining("Maybe set prefetch(1000)");
    }

    @Test
    void outOfRangeValues_areRefusedAtOnce() {
        assertThatThrownBy(() -> RabbitEventSource.builder().prefetch(0))
                .hasMessage("The prefetch (0) must be 1 to 65,535 messages.");
        assertThatThrownBy(() -> RabbitEventSource.builder().maxBatch(0))
                .hasMessage("batchSize must be at least 1, got 0");
        assertThatThrownBy(() -> RabbitEventSource.builder().queue(" "))
                .hasMessage("The queue is blank: give a name.");
    }

    @Test
    void aUriThatIsNotAmqp_isRefused_withoutShowingThePassword() {
        assertThatThrownBy(() -> RabbitEventSource.builder().uri("http://erp:s3cret@mq:5672"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The broker URI (http://erp:***@mq:5672) is not an AMQP URI")
                .hasMessageNotContaining("s3cret");
    }
}
