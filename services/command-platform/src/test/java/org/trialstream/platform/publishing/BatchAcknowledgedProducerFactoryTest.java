package org.trialstream.platform.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.extensions.kafka.eventhandling.producer.ConfirmationMode;
import org.axonframework.extensions.kafka.eventhandling.producer.ProducerFactory;
import org.axonframework.messaging.EventPublicationFailedException;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

class BatchAcknowledgedProducerFactoryTest {

    private final MockProducer<String, String> broker = new MockProducer<>(false, new StringSerializer(),
            new StringSerializer());
    private final BatchAcknowledgedProducerFactory<String, String> factory = new BatchAcknowledgedProducerFactory<>(
            new ProducerFactory<>() {
                @Override
                public Producer<String, String> createProducer() {
                    return broker;
                }

                @Override
                public void shutDown() {
                }
            }, Duration.ofSeconds(5));

    @Test
    void sendsEveryRecordOfTheBatchBeforeWaitingForAnyAcknowledgement() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        factory.createProducer().send(new ProducerRecord<>("t", "p1", "a"));
        factory.createProducer().send(new ProducerRecord<>("t", "p2", "b"));
        assertThat(broker.history()).as("both sent, neither acknowledged yet").hasSize(2);
        broker.completeNext();
        broker.completeNext();
        batch.commit();
        assertThat(factory.confirmationMode()).isEqualTo(ConfirmationMode.NONE);
    }

    @Test
    void aRecordTheBrokerRefusesFailsTheWholeBatchSoItsTokenStays() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        AtomicBoolean rolledBack = new AtomicBoolean();
        batch.onRollback(unitOfWork -> rolledBack.set(true));
        factory.createProducer().send(new ProducerRecord<>("t", "p1", "a"));
        factory.createProducer().send(new ProducerRecord<>("t", "p2", "b"));
        broker.completeNext();
        broker.errorNext(new RuntimeException("not enough replicas"));
        assertThatThrownBy(batch::commit).isInstanceOf(EventPublicationFailedException.class);
        assertThat(rolledBack).isTrue();
    }
}
