package org.trialstream.projections.config;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.trialstream.projections.audit.AccessLog;
import org.trialstream.projections.enrolment.EnrolmentProjection;
import org.trialstream.projections.stream.ContractRecordReader;
import org.trialstream.projections.stream.Positions;
import org.trialstream.projections.stream.ProjectionStream;
import org.trialstream.protocol.definition.Protocol;

@Configuration
class ProjectionsConfig {

    @Bean
    MongoDatabase readModels(MongoClient client, @Value("${trial.projections.database}") String database) {
        return client.getDatabase(database);
    }

    @Bean
    EnrolmentProjection enrolmentProjection(MongoDatabase readModels, Protocol protocol) {
        return new EnrolmentProjection(readModels.getCollection("patient_registry"),
                readModels.getCollection("enrolment_progress"), protocol.enrolment().cap());
    }

    @Bean
    AccessLog accessLog(MongoDatabase readModels, Clock clock) {
        return new AccessLog(readModels.getCollection("access_log"), clock);
    }

    @Bean
    ProjectionStream enrolmentStream(EnrolmentProjection projection, MongoDatabase readModels,
                                     ObjectMapper objectMapper,
                                     @Value("${trial.kafka.bootstrap-servers}") String bootstrapServers) {
        return new ProjectionStream(projection, new Positions(readModels.getCollection("enrolment_positions")),
                new ContractRecordReader(objectMapper), bootstrapServers);
    }

    /** mongo-java-server lacks the {@code hello} command Spring Data's indicator uses; {@code ping} works on both. */
    @Bean
    HealthIndicator mongoHealthIndicator(MongoDatabase readModels) {
        return () -> {
            Document pong = readModels.runCommand(new Document("ping", 1));
            return Health.up().withDetail("database", readModels.getName()).withDetail("ping", pong.get("ok"))
                    .build();
        };
    }

    @Bean
    HealthIndicator projectionStreamHealthIndicator(ProjectionStream enrolmentStream) {
        return () -> enrolmentStream.isConsuming() ? Health.up().build() : Health.down().build();
    }
}
