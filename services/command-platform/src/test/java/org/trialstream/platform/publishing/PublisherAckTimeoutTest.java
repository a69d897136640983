package org.trialstream.platform.publishing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.axonframework.extensions.kafka.KafkaProperties;
import org.junit.jupiter.api.Test;

class PublisherAckTimeoutTest {

    @Test
    void refusesAnAckTimeoutShorterThanTheProducersDeliveryTimeout() {
        assertThatThrownBy(() -> PublishingAutoConfiguration.requireAckTimeoutCoversDelivery(Duration.ofSeconds(10),
                producerWithDeliveryTimeout("30000")))
                .hasMessageContaining("must not be shorter than the producer's delivery.timeout.ms (30000 ms)");
    }

    @Test
    void acceptsAnAckTimeoutThatOutlastsDelivery() {
        assertThatCode(() -> PublishingAutoConfiguration.requireAckTimeoutCoversDelivery(Duration.ofSeconds(25),
                producerWithDeliveryTimeout("20000"))).doesNotThrowAnyException();
    }

    private static KafkaProperties producerWithDeliveryTimeout(String millis) {
        KafkaProperties properties = new KafkaProperties();
        properties.getProducer().getProperties().put("delivery.timeout.ms", millis);
        return properties;
    }
}
