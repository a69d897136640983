package org.trialstream.platform.publishing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.extensions.kafka.KafkaProperties;
import org.axonframework.extensions.kafka.autoconfig.KafkaAutoConfiguration;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaEventPublisher;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaPublisher;
import org.axonframework.extensions.kafka.eventhandling.producer.ProducerFactory;
import org.axonframework.extensions.kafka.eventhandling.producer.TopicResolver;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.trialstream.kernel.contract.BoundedContext;
import org.trialstream.kernel.contract.EventContracts;

/**
 * Publishes the service's contract events to its topic ({@code trial.<context>.events}) from the event store's
 * tracking position: the token moves only after the broker acknowledged, so a crash between storing and publishing
 * re-publishes instead of losing (at least once; consumers de-duplicate by event id). Service-private events never
 * leave the service.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@ConditionalOnProperty(name = "axon.kafka.publisher.enabled", havingValue = "true", matchIfMissing = true)
public class PublishingAutoConfiguration {

    @Bean
    TopicProvisioner topicProvisioner(@Value("${trial.context}") String context,
                                      @Value("${axon.kafka.bootstrap-servers}") String bootstrapServers,
                                      @Value("${trial.kafka.topic.partitions}") int partitions,
                                      @Value("${trial.kafka.topic.replication-factor}") short replicationFactor,
                                      @Value("${trial.kafka.topic.min-insync-replicas}") int minInSyncReplicas,
                                      Environment environment) {
        return new TopicProvisioner(bootstrapServers, List.of(BoundedContext.ofId(context).topic()), partitions,
                replicationFactor, minInSyncReplicas, environment.acceptsProfiles(Profiles.of("production")));
    }

    /** Only published contracts reach Kafka, each on its owning context's topic (no firehose topic). */
    @Bean
    TopicResolver topicResolver() {
        return event -> EventContracts.contractOf(event.getPayloadType())
                .map(contract -> EventContracts.contextOf(contract).topic());
    }

    @Bean
    KafkaMessageConverter<String, byte[]> kafkaMessageConverter(ObjectMapper objectMapper) {
        return new ContractMessageConverter(objectMapper);
    }

    /**
     * As the auto-configured publisher, but it waits for a batch's acknowledgements together, before the batch
     * commits ({@link BatchAcknowledgedProducerFactory}), and as long as the producer may keep trying to deliver: an
     * ack timeout shorter than {@code delivery.timeout.ms} would give up on a record the producer then delivers.
     */
    @Bean(destroyMethod = "shutDown")
    KafkaPublisher<String, byte[]> kafkaPublisher(@Qualifier("eventSerializer") Serializer eventSerializer,
                                                  ProducerFactory<String, byte[]> axonKafkaProducerFactory,
                                                  KafkaMessageConverter<String, byte[]> kafkaMessageConverter,
                                                  org.axonframework.config.Configuration configuration,
                                                  TopicResolver topicResolver, KafkaProperties kafkaProperties,
                                                  @Value("${trial.publisher.ack-timeout}") Duration ackTimeout) {
        requireAckTimeoutCoversDelivery(ackTimeout, kafkaProperties);
        return KafkaPublisher.<String, byte[]>builder()
                .serializer(eventSerializer)
                .producerFactory(new BatchAcknowledgedProducerFactory<>(axonKafkaProducerFactory, ackTimeout))
                .messageConverter(kafkaMessageConverter)
                .messageMonitor(configuration.messageMonitor(KafkaPublisher.class, "kafkaPublisher"))
                .topicResolver(topicResolver)
                .publisherAckTimeout(ackTimeout.toMillis())
                .build();
    }

    static void requireAckTimeoutCoversDelivery(Duration ackTimeout, KafkaProperties kafkaProperties) {
        Object delivery = kafkaProperties.buildProducerProperties().get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
        long deliveryMs = delivery == null ? 120_000 : Long.parseLong(delivery.toString());
        if (ackTimeout.toMillis() < deliveryMs) {
            throw new IllegalStateException("trial.publisher.ack-timeout (" + ackTimeout.toMillis()
                    + " ms) must not be shorter than the producer's delivery.timeout.ms (" + deliveryMs + " ms)");
        }
    }

    /**
     * Axon 4.13 starts a new tracking processor with a replay token up to the head, and the Kafka publisher skips
     * replayed events: events stored before the publisher's first start would never be published. Starting from
     * the tail, unmarked, publishes the whole history exactly as it happened.
     * <p>
     * At shutdown the worker must be allowed to outwait an acknowledgement: interrupted mid-wait, the publisher
     * logs the interruption and lets the token move past a record the broker never confirmed.
     */
    @Bean
    ConfigurerModule kafkaPublisherProcessor(@Value("${trial.publisher.batch-size}") int batchSize,
                                             @Value("${trial.publisher.ack-timeout}") Duration ackTimeout) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessorConfiguration(KafkaEventPublisher.DEFAULT_PROCESSING_GROUP,
                        config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(batchSize)
                                .andInitialTrackingToken(StreamableMessageSource::createTailToken)
                                .andWorkerTerminationTimeout(ackTimeout.plusSeconds(5).toMillis(),
                                        TimeUnit.MILLISECONDS)));
    }
}
