package org.trialstream.platform.production;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;

@AutoConfiguration
@Profile("production")
public class ProductionAutoConfiguration {

    @Bean
    ProductionGuard productionGuard(@Value("${spring.datasource.url}") String jdbcUrl,
                                    @Value("${trial.kafka.topic.replication-factor}") int replicationFactor,
                                    @Value("${trial.kafka.topic.min-insync-replicas}") int minInSyncReplicas) {
        return new ProductionGuard(jdbcUrl, replicationFactor, minInSyncReplicas);
    }
}
