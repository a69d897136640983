package org.trialstream.platform.publishing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.extensions.kafka.eventhandling.producer.ConfirmationMode;
import org.axonframework.extensions.kafka.eventhandling.producer.ProducerFactory;
import org.axonframework.messaging.EventPublicationFailedException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Sends a tracking batch's records one after the other without waiting, and waits for all their acknowledgements
 * before the batch commits, so the token still moves only past records the broker confirmed. The extension's own
 * {@code wait_for_ack} waits for each record before sending the next: one broker round trip per event, which capped
 * a service's publishing near 100 events a second. A record the broker refuses, or does not confirm within the ack
 * timeout, fails the batch: its transaction rolls back, the token stays, and the batch is sent again (consumers
 * de-duplicate by event id). The idempotent producer keeps each partition's order across retries.
 */
final class BatchAcknowledgedProducerFactory<K, V> implements ProducerFactory<K, V> {

    private static final String PENDING = BatchAcknowledgedProducerFactory.class.getName() + ".pending";

    private final ProducerFactory<K, V> delegate;
    private final Duration ackTimeout;

    BatchAcknowledgedProducerFactory(ProducerFactory<K, V> delegate, Duration ackTimeout) {
        this.delegate = delegate;
        this.ackTimeout = ackTimeout;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Producer<K, V> createProducer() {
        Producer<K, V> producer = delegate.createProducer();
        return (Producer<K, V>) Proxy.newProxyInstance(Producer.class.getClassLoader(), new Class<?>[] {Producer.class},
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(producer, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("send")) {
                        pending().add((Future<RecordMetadata>) result);
                    }
                    return result;
                });
    }

    /** The publisher must not wait per record: the acknowledgements are awaited here, per batch. */
    @Override
    public ConfirmationMode confirmationMode() {
        return ConfirmationMode.NONE;
    }

    @Override
    public void shutDown() {
        delegate.shutDown();
    }

    private List<Future<RecordMetadata>> pending() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING, key -> {
            List<Future<RecordMetadata>> futures = new ArrayList<>();
            batch.onPrepareCommit(unitOfWork -> awaitAll(futures));
            return futures;
        });
    }

    private void awaitAll(List<Future<RecordMetadata>> futures) {
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        for (Future<RecordMetadata> future : futures) {
            try {
                future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EventPublicationFailedException("interrupted while waiting for the broker to acknowledge "
                        + "the batch; it will be published again", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new EventPublicationFailedException("the broker did not acknowledge a record of the batch within "
                        + ackTimeout + "; it will be published again", e);
            }
        }
    }
}
