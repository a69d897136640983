package org.trialstream.platform.inbound;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.consumer.AsyncFetcher;
import org.axonframework.extensions.kafka.eventhandling.consumer.DefaultConsumerFactory;
import org.axonframework.extensions.kafka.eventhandling.consumer.Fetcher;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaEventMessage;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.SortedKafkaMessageBuffer;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.StreamableKafkaMessageSource;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.trialstream.kernel.contract.BoundedContext;
import org.trialstream.kernel.contract.TrialEvent;
import org.trialstream.platform.publishing.ContractMessageConverter;
import org.trialstream.platform.publishing.TopicProvisioner;

/**
 * Feeds the {@link InboundFacts#PROCESSING_GROUP} processor from the topics of the contexts in
 * {@code trial.inbound.contexts}, through Axon's streamable Kafka source: the Kafka positions are the processor's
 * tracking token, kept in this service's token store.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "trial.inbound.contexts")
public class InboundAutoConfiguration {

    @Bean(destroyMethod = "shutdown")
    Fetcher<String, byte[], KafkaEventMessage> inboundFactsFetcher() {
        return AsyncFetcher.<String, byte[], KafkaEventMessage>builder().pollTimeout(1000).build();
    }

    /**
     * The topics of the contexts reacted to, made if missing (checked, in production) before the source is assigned
     * their partitions: a topic that appears only after the service started would never be read.
     */
    @Bean
    TopicProvisioner inboundTopicProvisioner(@Value("${trial.inbound.contexts}") List<String> contexts,
                                             @Value("${axon.kafka.bootstrap-servers}") String bootstrapServers,
                                             @Value("${trial.kafka.topic.partitions}") int partitions,
                                             @Value("${trial.kafka.topic.replication-factor}") short replication,
                                             @Value("${trial.kafka.topic.min-insync-replicas}") int minInSyncReplicas,
                                             Environment environment) {
        return new TopicProvisioner(bootstrapServers, topicsOf(contexts), partitions, replication, minInSyncReplicas,
                environment.acceptsProfiles(Profiles.of("production")));
    }

    @Bean
    @DependsOn("inboundTopicProvisioner")
    StreamableKafkaMessageSource<String, byte[]> inboundFactsSource(
            @Value("${trial.inbound.contexts}") List<String> contexts,
            @Value("${axon.kafka.bootstrap-servers}") String bootstrapServers,
            @Value("${spring.application.name}") String service,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            Fetcher<String, byte[], KafkaEventMessage> inboundFactsFetcher, ObjectMapper objectMapper) {
        KafkaMessageConverter<String, byte[]> converter = new ContractMessageConverter(objectMapper);
        return StreamableKafkaMessageSource.<String, byte[]>builder()
                .topics(topicsOf(contexts))
                .serializer(eventSerializer)
                .consumerFactory(new DefaultConsumerFactory<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                        ConsumerConfig.CLIENT_ID_CONFIG, service + "-inbound")))
                .fetcher(inboundFactsFetcher)
                .messageConverter(converter)
                .bufferFactory(() -> new SortedKafkaMessageBuffer<>(1000))
                .build();
    }

    /**
     * One tracking processor; one patient's facts in order (the sequencing key is the patient, as on the topic); a
     * failure is retried with back-off rather than logged and skipped.
     */
    @Bean
    ConfigurerModule inboundFactsProcessor(StreamableKafkaMessageSource<String, byte[]> inboundFactsSource,
                                           JdbcTemplate jdbc,
                                           @Value("${trial.inbound.batch-size:100}") int batchSize) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(InboundFacts.PROCESSING_GROUP, c -> inboundFactsSource,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(batchSize))
                .registerSequencingPolicy(InboundFacts.PROCESSING_GROUP, c -> event ->
                        event.getPayload() instanceof TrialEvent fact ? fact.recordKey() : event.getIdentifier())
                .registerListenerInvocationErrorHandler(InboundFacts.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance())
                .registerHandlerInterceptor(InboundFacts.PROCESSING_GROUP,
                        c -> new InboundDeduplication(jdbc, InboundFacts.PROCESSING_GROUP)));
    }

    private static List<String> topicsOf(List<String> contexts) {
        return contexts.stream().map(context -> BoundedContext.ofId(context.strip()).topic()).toList();
    }
}
