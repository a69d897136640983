package org.trialstream.projections.config;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.trialstream.projections.enrolment.RegistryProjection;
import org.trialstream.projections.followup.PatientFactsProjection;
import org.trialstream.projections.stream.ChainVerifier;
import org.trialstream.projections.stream.ContractRecordReader;
import org.trialstream.projections.stream.Projection;
import org.trialstream.projections.stream.ProjectionStore;
import org.trialstream.projections.stream.Projections;
import org.trialstream.projections.stream.RunnerState;
import org.trialstream.projections.stream.Upcaster;
import org.trialstream.support.audit.AccessLog;

@Configuration
class ProjectionsConfig {

    @Bean
    MongoDatabase readModels(MongoClient client, @Value("${trial.projections.database}") String database) {
        return client.getDatabase(database);
    }

    @Bean
    RegistryProjection registryProjection() {
        return new RegistryProjection();
    }

    @Bean
    PatientFactsProjection patientFactsProjection() {
        return new PatientFactsProjection();
    }

    @Bean
    ContractRecordReader contractRecordReader(ObjectMapper objectMapper, List<Upcaster> upcasters) {
        return new ContractRecordReader(objectMapper, upcasters);
    }

    @Bean
    ChainVerifier chainVerifier(@Value("${trial.kafka.bootstrap-servers}") String bootstrapServers,
                                ObjectMapper objectMapper) {
        return new ChainVerifier(bootstrapServers, objectMapper);
    }

    @Bean
    Projections projections(List<Projection> projections, MongoDatabase readModels, ContractRecordReader reader,
                            @Value("${trial.kafka.bootstrap-servers}") String bootstrapServers,
                            @Value("${trial.projections.max-poll-records:2000}") int maxPollRecords,
                            @Value("${trial.projections.retire-after:PT30S}") Duration retireAfter,
                            Clock clock, MeterRegistry meters) {
        Projections all = new Projections(projections, new ProjectionStore(readModels), reader, bootstrapServers,
                maxPollRecords, retireAfter, clock);
        all.registerMetrics(meters);
        return all;
    }

    @Bean
    AccessLog accessLog(MongoDatabase readModels, Clock clock) {
        return new AccessLog(readModels.getCollection("access_log"), clock);
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

    /** DOWN while any projection cannot read the log, with what stops it. */
    @Bean
    HealthIndicator projectionsHealthIndicator(Projections projections) {
        return () -> {
            List<Projections.Status> statuses = projections.statuses();
            boolean failing = statuses.stream().anyMatch(status ->
                    status.state() == RunnerState.FAILED || status.state() == RunnerState.RETRYING);
            Health.Builder health = failing ? Health.down() : Health.up();
            statuses.forEach(status -> health.withDetail(status.projection(), status.problem() == null
                    ? status.state() + ", lag " + status.lag() : status.state() + ": " + status.problem()));
            return health.build();
        };
    }
}
