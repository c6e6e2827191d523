package dev.custflow.connectors.rabbitmq;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Settings are checked before anything connects. */
class RabbitActionSinkBuilderTest {

    @Test
    void aConfirmTimeoutThatIsNotPositive_isRefused() {
        assertThatThrownBy(() -> RabbitActionSink.builder().confirmTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The confirm timeout (PT0S) must be positive.");
    }

    @Test
    void aBlankConnectionName_andAMissingRoutingKey_areRefused() {
        assertThatThrownBy(() -> RabbitActionSink.builder().connectionName(""))
                .hasMessage("The connectionName is blank: give a name.");
        assertThatThrownBy(() -> RabbitActionSink.builder().routingKey((String) null))
                .isInstanceOf(NullPointerException.class).hasMessage("key");
    }

    @Test
    void aUriThatIsNotAmqp_isRefused_withoutShowingThePassword() {
        assertThatThrownBy(() -> RabbitActionSink.builder().uri("ftp://erp:s3cret@mq:5672"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The broker URI (ftp://erp:***@mq:5672) is not an AMQP URI")
                .hasMessageNotContaining("s3cret");
    }
}
