package org.trialstream.platform.store;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JpaAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event store every command service shares the shape of: Axon's JPA engine on the schema Flyway migrates
 * ({@code db/platform/<vendor>}), contract-named JSON payloads, and a token store whose claims name this instance, so
 * that two instances of one service split their processors' segments instead of both taking them.
 */
@AutoConfiguration(before = {AxonAutoConfiguration.class, JpaAutoConfiguration.class})
public class EventStoreAutoConfiguration {

    /** Events as JSON under their contract names; XStream cannot rebuild Java records. */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(ObjectMapper objectMapper) {
        return ContractSerializer.create(objectMapper.copy());
    }

    @Bean
    TokenStore tokenStore(EntityManagerProvider entityManagerProvider, Serializer serializer,
                          @Value("${spring.application.name}") String service,
                          @Value("${trial.processing.claim-timeout:PT10S}") Duration claimTimeout) {
        return JpaTokenStore.builder()
                .entityManagerProvider(entityManagerProvider)
                .serializer(serializer)
                .claimTimeout(claimTimeout)
                .nodeId(service + "-" + UUID.randomUUID())
                .build();
    }

    /**
     * Chains every appended event to the one before it in its aggregate (tamper evidence). Registered once every bean
     * exists and before the context starts, so before the first command or reaction.
     */
    @Bean
    SmartInitializingSingleton factChain(ObjectProvider<EventStore> eventStore, ObjectMapper objectMapper) {
        return () -> eventStore.getObject().registerDispatchInterceptor(
                new FactChainInterceptor(eventStore::getObject, objectMapper.copy()));
    }

    @Bean
    StoreChainController storeChainController(EventStorageEngine storageEngine,
                                              EventProcessingConfiguration eventProcessing, ObjectMapper objectMapper,
                                              @Value("${trial.context}") String context,
                                              @Value("${axon.kafka.bootstrap-servers}") String bootstrapServers) {
        return new StoreChainController(storageEngine, eventProcessing, objectMapper.copy(), context,
                bootstrapServers);
    }

    @Bean
    EventStoreHealthIndicator eventStoreHealthIndicator(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                                        Clock clock) {
        return new EventStoreHealthIndicator(jdbc, new TransactionTemplate(transactions), clock);
    }
}
