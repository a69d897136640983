package org.trialstream.projections.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.trialstream.kernel.audit.AuditMetadata;
import org.trialstream.kernel.contract.ContractHeaders;
import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;
import org.trialstream.kernel.contract.enrolment.ConsentWithdrawn;
import org.trialstream.kernel.contract.enrolment.EnrolmentCorrected;
import org.trialstream.kernel.contract.enrolment.PatientEnrolled;
import org.trialstream.kernel.contract.enrolment.PatientScreened;
import org.trialstream.kernel.patient.ResectionMargin;
import org.trialstream.kernel.security.Role;
import org.trialstream.localstack.infra.Infrastructure;
import org.trialstream.localstack.token.DevTokenIssuer;
import org.trialstream.projections.ProjectionsApplication;
import org.trialstream.projections.config.SecurityConfig;
import org.trialstream.support.testing.SecurityMatrixCheck;

/**
 * The projections service on a real broker and MongoDB-compatible server, fed records exactly as the enrolment
 * service publishes them: redeliveries change nothing, and a rebuild from offset 0 gives identical documents.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProjectionScenarios {

    private static final String TOPIC = "trial.enrolment.events";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Infrastructure infrastructure;
    private final String database;
    private final ConfigurableApplicationContext app;
    private final String baseUrl;
    private final KafkaProducer<String, byte[]> producer;
    private final DevTokenIssuer issuer = DevTokenIssuer.generate();
    private final String monitor = issuer.token(Role.MONITOR.name()).subject("monitor-1").name("Ms Monitor").sign();
    private final String administrator = issuer.token(Role.ADMINISTRATOR.name()).subject("admin-1").sign();

    ProjectionScenarios(Infrastructure infrastructure, String database) {
        this.infrastructure = infrastructure;
        this.database = database;
        Path publicKey = issuer.writePublicKey(Path.of("target", database + "-issuer.pub.pem").toAbsolutePath());
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        this.app = new SpringApplicationBuilder(ProjectionsApplication.class).run(
                "--server.port=0",
                "--trial.security.public-key=" + publicKey,
                "--trial.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "--spring.data.mongodb.uri=" + infrastructure.mongoUri(),
                "--trial.projections.database=" + database,
                "--spring.main.banner-mode=off");
        this.baseUrl = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    void stop() {
        app.close();
        producer.close();
    }

    @Test
    void redeliveredEventChangesNothingAndRebuildGivesIdenticalDocuments() throws Exception {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String enrolledId = UUID.randomUUID().toString();
        publish(UUID.randomUUID().toString(), new PatientScreened(first, "S-101", "RJH", LocalDate.of(2026, 3, 1)));
        publish(enrolledId, new PatientEnrolled(first, 1, "S-101", "RJH", LocalDate.of(2026, 3, 4),
                LocalDate.of(2026, 2, 20), ResectionMargin.R0, "Leiomyosarcoma"));
        publish(enrolledId, new PatientEnrolled(first, 1, "S-101", "RJH", LocalDate.of(2026, 3, 4),
                LocalDate.of(2026, 2, 20), ResectionMargin.R0, "Leiomyosarcoma"));
        publish(UUID.randomUUID().toString(), new EnrolmentCorrected(first, enrolledId, LocalDate.of(2026, 2, 20),
                ResectionMargin.R1, "Leiomyosarcoma", "Pathology review"));
        publish(UUID.randomUUID().toString(), new PatientScreened(second, "S-102", "RJH", LocalDate.of(2026, 3, 2)));
        String withdrawalId = UUID.randomUUID().toString();
        publish(UUID.randomUUID().toString(), new PatientEnrolled(second, 2, "S-102", "RJH", LocalDate.of(2026, 3, 5),
                LocalDate.of(2026, 2, 21), ResectionMargin.R2, "Myxofibrosarcoma"));
        publish(withdrawalId, new ConsentWithdrawn(second, LocalDate.of(2026, 4, 1), "Moved abroad"));
        publish(withdrawalId, new ConsentWithdrawn(second, LocalDate.of(2026, 4, 1), "Moved abroad"));

        JsonNode progress = await().atMost(Duration.ofSeconds(30))
                .until(() -> get("/enrolment/progress"), p -> p != null && p.path("withdrawn").asInt() == 1);
        assertThat(progress.get("enrolled").asInt()).isEqualTo(2);
        assertThat(progress.get("placesLeft").asInt()).isEqualTo(39);
        assertThat(progress.path("byMargin").path("R1").asInt()).isEqualTo(1);
        assertThat(progress.path("byMargin").path("R0").asInt()).isZero();
        JsonNode patient = get("/patients/" + first);
        assertThat(patient.get("margin").asText()).isEqualTo("R1");
        assertThat(patient.get("corrections")).hasSize(1);
        assertThat(patient.path("corrections").get(0).get("correctedEventId").asText()).isEqualTo(enrolledId);
        assertThat(patient.path("auditTrail")).hasSize(3);
        assertThat(patient.path("auditTrail").get(1).path(AuditMetadata.ACTOR_SUBJECT).asText())
                .isEqualTo("investigator-1");
        List<Document> before = readModels();
        assertThat(before).filteredOn(d -> first.toString().equals(d.get("_id")))
                .singleElement().satisfies(d -> assertThat(d.getList("appliedEventIds", String.class)).hasSize(3));

        HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/rebuild"))
                .header("Authorization", "Bearer " + administrator)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).isEqualTo(202);
        JsonNode done = await().atMost(Duration.ofSeconds(30)).until(() -> get("/admin/rebuild", administrator),
                r -> r != null && "DONE".equals(r.path("state").asText()));
        // Other scenarios of this class publish to the same topic; this one published 8 records.
        assertThat(done.get("processed").asLong()).isEqualTo(done.get("total").asLong()).isGreaterThanOrEqualTo(8);

        assertThat(readModels()).isEqualTo(before);
    }

    @Test
    void readsOfPatientDataAreInTheAccessLogForTheAuditor() throws Exception {
        UUID patient = UUID.randomUUID();
        publish(UUID.randomUUID().toString(), new PatientScreened(patient, "S-201", "RJH", LocalDate.of(2026, 3, 1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/patients/" + patient) != null);
        String nurse = issuer.token(Role.RESEARCH_NURSE.name()).site("RJH").subject("nurse-7").name("Nurse Seven")
                .sign();
        assertThat(get("/patients/" + patient, nurse)).isNotNull();

        JsonNode log = get("/audit/access-log?patientId=" + patient, monitor);
        assertThat(log).isNotEmpty();
        assertThat(log.get(0).path("subject").asText()).isEqualTo("nurse-7");
        assertThat(log.get(0).path("role").asText()).isEqualTo("RESEARCH_NURSE");
        assertThat(log.get(0).path("site").asText()).isEqualTo("RJH");
        assertThat(log.get(0).path("endpoint").asText()).isEqualTo("GET /patients/{patientId}");
        assertThat(log).anySatisfy(read -> assertThat(read.path("subject").asText()).isEqualTo("monitor-1"));
    }

    @Test
    void everyDocumentedOperationHonoursThePermissionMatrix() throws Exception {
        UUID patient = UUID.randomUUID();
        publish(UUID.randomUUID().toString(), new PatientScreened(patient, "S-301", SecurityMatrixCheck.HOME_SITE,
                LocalDate.of(2026, 3, 1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/patients/" + patient) != null);
        SecurityMatrixCheck check = new SecurityMatrixCheck(baseUrl, issuer, SecurityConfig.PERMISSIONS,
                permission -> null, java.util.Map.of("patientId", patient.toString()));
        check.everyDocumentedOperationIsInTheMatrix();
        check.anonymousCallsAreRefusedWith401();
        check.rolesWithoutTheRightAreRefusedWith403();
        check.staffOfAnotherSiteFindNoPatient();
        check.untrustworthyTokensAreRefusedWith401();

        JsonNode otherSitesList = get("/patients", check.token(Role.PHARMACIST, SecurityMatrixCheck.OTHER_SITE).sign());
        assertThat(otherSitesList).noneSatisfy(p -> assertThat(p.path("patientId").asText())
                .isEqualTo(patient.toString()));
    }

    @Test
    void unknownPatientAnswersNotFoundAsAProblem() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(baseUrl + "/patients/" + UUID.randomUUID()))
                .header("Authorization", "Bearer " + monitor).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    private void publish(String eventId, TrialEvent event) throws Exception {
        EventContract contract = event.getClass().getAnnotation(EventContract.class);
        RecordHeaders headers = new RecordHeaders();
        headers.add(ContractHeaders.EVENT_TYPE, contract.name().getBytes(StandardCharsets.UTF_8));
        headers.add(ContractHeaders.EVENT_VERSION, String.valueOf(contract.version()).getBytes(StandardCharsets.UTF_8));
        headers.add(ContractHeaders.EVENT_ID, eventId.getBytes(StandardCharsets.UTF_8));
        headers.add(ContractHeaders.EVENT_TIMESTAMP, Instant.parse("2026-03-04T09:00:00Z").toString()
                .getBytes(StandardCharsets.UTF_8));
        headers.add(ContractHeaders.METADATA_PREFIX + AuditMetadata.ACTOR_SUBJECT,
                "investigator-1".getBytes(StandardCharsets.UTF_8));
        headers.add(ContractHeaders.METADATA_PREFIX + AuditMetadata.ACTOR_ROLE,
                "INVESTIGATOR".getBytes(StandardCharsets.UTF_8));
        headers.add(ContractHeaders.METADATA_PREFIX + AuditMetadata.RECORDED_AT,
                "2026-03-04T09:00:00Z".getBytes(StandardCharsets.UTF_8));
        producer.send(new ProducerRecord<>(TOPIC, null, event.patientId().toString(), JSON.writeValueAsBytes(event),
                headers)).get();
    }

    private List<Document> readModels() {
        try (MongoClient client = MongoClients.create(infrastructure.mongoUri())) {
            MongoDatabase readModels = client.getDatabase(database);
            List<Document> documents = new ArrayList<>();
            readModels.getCollection("patient_registry").find().sort(new Document("_id", 1)).into(documents);
            readModels.getCollection("enrolment_progress").find().into(documents);
            return documents;
        }
    }

    private JsonNode get(String path) {
        return get(path, monitor);
    }

    private JsonNode get(String path, String token) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                            .header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (Exception e) {
            return null;
        }
    }
}
