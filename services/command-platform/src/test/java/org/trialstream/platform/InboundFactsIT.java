package org.trialstream.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.trialstream.kernel.audit.AuditMetadata;
import org.trialstream.kernel.contract.ContractRecordHeaders;
import org.trialstream.kernel.contract.TrialEvent;
import org.trialstream.kernel.contract.enrolment.PatientEnrolled;
import org.trialstream.kernel.contract.enrolment.PatientScreened;
import org.trialstream.kernel.patient.ResectionMargin;
import org.trialstream.localstack.infra.Infrastructure;
import org.trialstream.localstack.infra.WithInfrastructure;
import org.trialstream.localstack.token.DevTokenIssuer;
import org.trialstream.platform.testapp.ReactingApplication;
import org.trialstream.support.testing.ServiceApp;

/**
 * A service on the platform reacts to another context's facts from the real topic: each fact once, through
 * redeliveries and a restart, as its system actor, naming the fact as the cause.
 */
@WithInfrastructure(WithInfrastructure.Kind.LOCAL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InboundFactsIT {

    private static final String ENROLMENT_TOPIC = "trial.enrolment.events";

    private final Infrastructure infrastructure;
    private final Infrastructure.Database database;
    private final Path publicKey;

    InboundFactsIT(Infrastructure infrastructure) {
        this.infrastructure = infrastructure;
        this.database = infrastructure.freshDatabase("platform_inbound_it");
        this.publicKey = DevTokenIssuer.generate()
                .writePublicKey(Path.of("target", "inbound-it-issuer.pub.pem").toAbsolutePath());
    }

    @Test
    @Order(2)
    void reactsToEachFactOnceThroughRedeliveriesAndARestartAsItsSystemActor() throws Exception {
        createTopic();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String firstEnrolled = UUID.randomUUID().toString();
        String secondEnrolled = UUID.randomUUID().toString();
        publish(UUID.randomUUID().toString(), new PatientScreened(first, "S-1", "RJH", LocalDate.of(2026, 3, 1)));
        publish(firstEnrolled, enrolled(first));
        publish(firstEnrolled, enrolled(first));
        publish(secondEnrolled, enrolled(second));

        try (ServiceApp app = startApp()) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> coursesPlannedFor(firstEnrolled, secondEnrolled).size() == 2);
            ReactingApplication.CountingAuditInterceptor audit =
                    app.bean(ReactingApplication.CountingAuditInterceptor.class);
            int stampedBefore = audit.stamped.get();
            app.bean(CommandGateway.class).sendAndWait(new ReactingApplication.PlanCourseCommand(UUID.randomUUID(),
                    LocalDate.of(2026, 3, 1)));
            assertThat(audit.stamped.get()).as("the audit interceptor stamps a command once").isEqualTo(stampedBefore + 1);
        }
        List<JsonNode> planned = coursesPlanned();
        JsonNode reaction = planned.stream()
                .filter(metadata -> firstEnrolled.equals(metadata.path(AuditMetadata.CAUSATION_ID).asText()))
                .findFirst().orElseThrow();
        assertThat(reaction.path(AuditMetadata.ACTOR_SUBJECT).asText()).isEqualTo("system:dosing");
        assertThat(reaction.has(AuditMetadata.ACTOR_ROLE)).isFalse();
        assertThat(reaction.path(AuditMetadata.CORRELATION_ID).asText()).isEqualTo("correlation-" + firstEnrolled);

        UUID third = UUID.randomUUID();
        String thirdEnrolled = UUID.randomUUID().toString();
        publish(firstEnrolled, enrolled(first));
        publish(thirdEnrolled, enrolled(third));
        try (ServiceApp restarted = startApp()) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> coursesPlannedFor(firstEnrolled, secondEnrolled, thirdEnrolled).size() == 3);
            assertThat(count("SELECT count(*) FROM inbound_event WHERE event_id = '" + firstEnrolled + "'"))
                    .isEqualTo(1);
        }
        // Three patients, one course each: the repeated fact was never applied twice.
        assertThat(coursesPlannedFor(firstEnrolled, secondEnrolled, thirdEnrolled)).hasSize(3);
    }

    /**
     * A service may start before the context it reacts to: it makes the topic, so that the facts published there
     * later reach it (a consumer assigned before the topic existed would never read it).
     */
    @Test
    @Order(1)
    void reactsToFactsOfAContextThatStartsAfterIt() throws Exception {
        assertThat(topicExists()).as("the enrolment topic before the service starts").isFalse();
        try (ServiceApp app = startApp()) {
            String enrolledLater = UUID.randomUUID().toString();
            publish(enrolledLater, enrolled(UUID.randomUUID()));
            await().atMost(Duration.ofSeconds(60)).until(() -> coursesPlannedFor(enrolledLater).size() == 1);
        }
    }

    private ServiceApp startApp() {
        return ServiceApp.start(ReactingApplication.class, Map.of(
                "trial.context", "dosing",
                "trial.inbound.contexts", "enrolment",
                "trial.security.public-key", publicKey.toString(),
                "spring.datasource.url", database.jdbcUrl(),
                "spring.datasource.username", database.user(),
                "spring.datasource.password", database.password(),
                "axon.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers()));
    }

    private static PatientEnrolled enrolled(UUID patient) {
        return new PatientEnrolled(patient, 1, "S-" + patient.toString().substring(0, 6), "RJH",
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 2, 20), ResectionMargin.R1, "Liposarcoma");
    }

    private boolean topicExists() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure.kafkaBootstrapServers()))) {
            return admin.listTopics().names().get().contains(ENROLMENT_TOPIC);
        }
    }

    private void createTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure.kafkaBootstrapServers()))) {
            if (!admin.listTopics().names().get().contains(ENROLMENT_TOPIC)) {
                admin.createTopics(List.of(new NewTopic(ENROLMENT_TOPIC, 3, (short) 1))).all().get();
            }
        }
    }

    private void publish(String eventId, TrialEvent fact) throws Exception {
        Map<String, String> metadata = new HashMap<>(Map.of(AuditMetadata.ACTOR_SUBJECT, "investigator-1",
                AuditMetadata.ACTOR_ROLE, "INVESTIGATOR", AuditMetadata.ACTOR_SITE, "RJH",
                AuditMetadata.CORRELATION_ID, "correlation-" + eventId));
        String name = fact.getClass().getAnnotation(org.trialstream.kernel.contract.EventContract.class).name();
        RecordHeaders headers = new RecordHeaders();
        new ContractRecordHeaders(name, 1, eventId, Instant.parse("2026-03-02T08:00:00Z"), 0L, metadata)
                .toHeaders().forEach(headers::add);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(ENROLMENT_TOPIC, null, fact.patientId().toString(),
                    ServiceApp.JSON.writeValueAsBytes(fact), headers)).get();
        }
    }

    /** The metadata of every stored CoursePlanned. */
    private List<JsonNode> coursesPlanned() throws Exception {
        try (Connection connection = connect(); ResultSet rows = connection.createStatement().executeQuery(
                "SELECT meta_data FROM domain_event_entry WHERE payload_type LIKE '%CoursePlanned' "
                        + "ORDER BY global_index")) {
            List<JsonNode> metadata = new ArrayList<>();
            while (rows.next()) {
                metadata.add(ServiceApp.JSON.readTree(rows.getBytes(1)));
            }
            return metadata;
        }
    }

    /** The metadata of the stored CoursePlanned that react to the given facts (the topic holds other tests' too). */
    private List<JsonNode> coursesPlannedFor(String... causes) throws Exception {
        List<String> wanted = List.of(causes);
        return coursesPlanned().stream()
                .filter(metadata -> wanted.contains(metadata.path(AuditMetadata.CAUSATION_ID).asText())).toList();
    }

    private long count(String sql) throws Exception {
        try (Connection connection = connect(); ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }
}
