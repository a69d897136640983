package org.trialstream.projections.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.trialstream.kernel.audit.AuditMetadata;
import org.trialstream.kernel.contract.dosing.CoursePlanned;
import org.trialstream.kernel.contract.enrolment.ConsentWithdrawn;
import org.trialstream.kernel.contract.enrolment.EnrolmentCorrected;
import org.trialstream.kernel.contract.enrolment.EnrolmentOpened;
import org.trialstream.kernel.contract.enrolment.PatientEnrolled;
import org.trialstream.kernel.contract.enrolment.PatientScreened;
import org.trialstream.kernel.contract.radiotherapy.RadiotherapyPlanned;
import org.trialstream.kernel.patient.ResectionMargin;
import org.trialstream.kernel.security.Role;
import org.trialstream.localstack.infra.Infrastructure;
import org.trialstream.localstack.service.ServiceProcess;
import org.trialstream.localstack.token.DevTokenIssuer;
import org.trialstream.projections.ProjectionsApplication;
import org.trialstream.projections.config.SecurityConfig;
import org.trialstream.support.testing.ContractPublisher;
import org.trialstream.support.testing.SecurityMatrixCheck;
import org.trialstream.support.testing.ServiceApp;
import org.trialstream.support.testing.Topics;

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
    private final ServiceApp app;
    private final String baseUrl;
    private final ContractPublisher publisher;
    private final Path publicKey;
    private final DevTokenIssuer issuer = DevTokenIssuer.generate();
    private final String monitor = issuer.token(Role.MONITOR.name()).subject("monitor-1").name("Ms Monitor").sign();
    private final String administrator = issuer.token(Role.ADMINISTRATOR.name()).subject("admin-1").sign();

    ProjectionScenarios(Infrastructure infrastructure, String database) {
        this.infrastructure = infrastructure;
        this.database = database;
        this.publicKey = issuer.writePublicKey(Path.of("target", database + "-issuer.pub.pem").toAbsolutePath());
        this.publisher = new ContractPublisher(infrastructure.kafkaBootstrapServers());
        // The topic exists before the projection starts, as the owning service creates it with its partitions.
        Topics.ensure(infrastructure.kafkaBootstrapServers(), 3, TOPIC, "trial.dosing.events",
                "trial.radiotherapy.events");
        this.app = ServiceApp.start(ProjectionsApplication.class, Map.of(
                "trial.security.public-key", this.publicKey.toString(),
                "trial.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers(),
                "spring.data.mongodb.uri", infrastructure.mongoUri(),
                "trial.projections.database", database,
                "trial.projections.retire-after", "PT1S"));
        this.baseUrl = app.baseUrl();
    }

    @AfterAll
    void stop() {
        app.close();
        publisher.close();
    }

    @Test
    void redeliveredEventChangesNothingAndRebuildGivesIdenticalDocuments() throws Exception {
        Map<String, Long> countersBefore = awaitCaughtUp().counters();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String enrolledId = UUID.randomUUID().toString();
        publisher.publish(new EnrolmentOpened("ANLO-STS-II", 41));
        publisher.publish(new PatientScreened(first, "S-101", "RJH", LocalDate.of(2026, 3, 1)));
        publisher.publish(enrolledId, new PatientEnrolled(first, 1, "S-101", "RJH", LocalDate.of(2026, 3, 4),
                LocalDate.of(2026, 2, 20), ResectionMargin.R0, "Leiomyosarcoma"));
        publisher.publish(enrolledId, new PatientEnrolled(first, 1, "S-101", "RJH", LocalDate.of(2026, 3, 4),
                LocalDate.of(2026, 2, 20), ResectionMargin.R0, "Leiomyosarcoma"));
        publisher.publish(new EnrolmentCorrected(first, enrolledId, LocalDate.of(2026, 2, 20),
                ResectionMargin.R1, "Leiomyosarcoma", "Pathology review"));
        publisher.publish(new PatientScreened(second, "S-102", "RJH", LocalDate.of(2026, 3, 2)));
        String withdrawalId = UUID.randomUUID().toString();
        publisher.publish(new PatientEnrolled(second, 2, "S-102", "RJH", LocalDate.of(2026, 3, 5),
                LocalDate.of(2026, 2, 21), ResectionMargin.R2, "Myxofibrosarcoma"));
        publisher.publish(withdrawalId, new ConsentWithdrawn(second, LocalDate.of(2026, 4, 1), "Moved abroad"));
        publisher.publish(withdrawalId, new ConsentWithdrawn(second, LocalDate.of(2026, 4, 1), "Moved abroad"));

        JsonNode patient = await().atMost(Duration.ofSeconds(30)).until(() -> get("/patients/" + first),
                p -> p != null && p.path("corrections").size() == 1);
        assertThat(patient.get("margin").asText()).isEqualTo("R1");
        assertThat(patient.path("corrections").get(0).get("correctedEventId").asText()).isEqualTo(enrolledId);
        assertThat(patient.path("auditTrail")).hasSize(3);
        assertThat(patient.path("auditTrail").get(1).path(AuditMetadata.ACTOR_SUBJECT).asText())
                .isEqualTo("investigator-1");
        assertThat(patient.has("appliedEventIds")).as("bookkeeping is not API").isFalse();
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/patients/" + second),
                p -> p != null && "WITHDRAWN".equals(p.path("status").asText()));
        JsonNode progress = get("/enrolment/progress");
        assertThat(progress.get("enrolmentCap").asInt()).isEqualTo(41);
        // Two enrolled, each once however often redelivered; one of them withdrawn; the first corrected R0 -> R1.
        Map<String, Long> counted = awaitCaughtUp().counters();
        assertThat(change(countersBefore, counted, "enrolled")).isEqualTo(2);
        assertThat(change(countersBefore, counted, "withdrawn")).isEqualTo(1);
        assertThat(change(countersBefore, counted, "margin:R0")).isZero();
        assertThat(change(countersBefore, counted, "margin:R1")).isEqualTo(1);
        assertThat(change(countersBefore, counted, "margin:R2")).isEqualTo(1);
        assertThat(progress.get("placesLeft").asLong()).isEqualTo(41 - progress.get("enrolled").asLong());

        Snapshot before = awaitCaughtUp();
        assertThat(before.patients()).filteredOn(d -> first.toString().equals(d.get("_id")))
                .singleElement().satisfies(d -> assertThat(d.getList("appliedEventIds", String.class)).hasSize(3));
        int rebuilt = rebuild();

        Snapshot after = awaitCaughtUp();
        assertThat(after.generation()).isEqualTo(rebuilt).isGreaterThan(before.generation());
        assertThat(after.patients()).isEqualTo(before.patients());
        assertThat(after.study()).isEqualTo(before.study());
        assertThat(after.counters()).isEqualTo(before.counters());
        // The retired generation is dropped after its grace time.
        await().atMost(Duration.ofSeconds(30)).until(() -> !collectionNames()
                .contains("registry_patients_g" + before.generation()));
    }

    @Test
    void twoInstancesSharePartitionsAndAKilledOneUnderLoadChangesNoDocument() throws Exception {
        int generation = awaitCaughtUp().generation();
        int port = freePort();
        ServiceProcess second = new ServiceProcess("projections-2", Path.of("target", "projections.jar").toAbsolutePath(),
                port, Map.of(
                        "TRIAL_PROJECTIONS_PORT", String.valueOf(port),
                        "TRIAL_JWT_PUBLIC_KEY", publicKey.toString(),
                        "TRIAL_KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers(),
                        "TRIAL_MONGODB_URI", infrastructure.mongoUri(),
                        "TRIAL_MONGODB_DATABASE", database,
                        "TRIAL_PROJECTIONS_RETIRE_AFTER", "PT1S"),
                Path.of("target", database + "-projections-2.log"));
        second.start(Duration.ofSeconds(120));
        try {
            String group = "trialstream.projections.registry.g" + generation;
            await().atMost(Duration.ofSeconds(60)).until(() -> membersOwningPartitions(group) == 2);
            for (int i = 0; i < 3000; i++) {
                UUID patient = UUID.randomUUID();
                publisher.send(UUID.randomUUID().toString(), new PatientScreened(patient, "K-" + i, "RJH",
                        LocalDate.of(2026, 3, 1)));
                if (i % 3 == 0) {
                    publisher.send(UUID.randomUUID().toString(), new PatientEnrolled(patient, 1000 + i, "K-" + i,
                            "RJH", LocalDate.of(2026, 3, 4), LocalDate.of(2026, 2, 20),
                            ResectionMargin.values()[i % 2], "Liposarcoma"));
                }
                if (i % 9 == 0) {
                    publisher.send(UUID.randomUUID().toString(), new EnrolmentCorrected(patient,
                            UUID.randomUUID().toString(), LocalDate.of(2026, 2, 20), ResectionMargin.R2,
                            "Liposarcoma", "Pathology review"));
                }
                if (i == 1000) {
                    publisher.flush();
                    second.kill();
                }
            }
            publisher.flush();
        } finally {
            second.stop();
        }
        Snapshot shared = awaitCaughtUp();
        assertThat(shared.generation()).isEqualTo(generation);

        rebuild();
        Snapshot single = awaitCaughtUp();
        assertThat(single.patients()).isEqualTo(shared.patients());
        assertThat(single.study()).isEqualTo(shared.study());
        assertThat(single.counters()).isEqualTo(shared.counters());
    }

    @Test
    void readsAnswerThroughoutARebuild() throws Exception {
        UUID watched = UUID.randomUUID();
        publisher.publish(new PatientScreened(watched, "S-401", "RJH", LocalDate.of(2026, 3, 1)));
        for (int i = 0; i < 3000; i++) {
            publisher.send(UUID.randomUUID().toString(), new PatientScreened(UUID.randomUUID(), "L-" + i, "RJH",
                    LocalDate.of(2026, 3, 1)));
        }
        publisher.flush();
        Snapshot before = awaitCaughtUp();
        long screened = before.counters().get("screened");

        HttpResponse<String> started = post("/admin/rebuild/registry", administrator);
        assertThat(started.statusCode()).isEqualTo(202);
        int readsDuringRebuild = 0;
        while ("REBUILDING".equals(get("/admin/rebuild/registry", administrator).path("state").asText())) {
            JsonNode patient = get("/patients/" + watched);
            assertThat(patient).as("the patient during the rebuild").isNotNull();
            assertThat(patient.path("screeningNumber").asText()).isEqualTo("S-401");
            assertThat(get("/enrolment/progress").path("screened").asLong()).isGreaterThanOrEqualTo(screened);
            readsDuringRebuild++;
        }
        assertThat(readsDuringRebuild).as("reads made while the rebuild ran").isPositive();
        assertThat(awaitCaughtUp().counters().get("screened")).isEqualTo(screened);
    }

    @Test
    void listsEveryProjectionWithItsLagBehindTheLog() throws Exception {
        publisher.publish(new PatientScreened(UUID.randomUUID(), "S-501", "RJH", LocalDate.of(2026, 3, 1)));
        JsonNode list = await().atMost(Duration.ofSeconds(30)).until(() -> get("/admin/projections", administrator),
                l -> l != null && l.size() > 0 && l.get(0).path("lag").asLong() == 0
                        && l.get(0).path("applied").asLong() > 0
                        && "CONSUMING".equals(l.get(0).path("state").asText()));
        assertThat(list.get(0).path("projection").asText()).isEqualTo("registry");
        assertThat(list.get(0).path("generation").asInt()).isPositive();
        HttpResponse<String> unknown = post("/admin/rebuild/nothing", administrator);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"field\":\"projection\"");
    }

    @Test
    void readsOfPatientDataAreInTheAccessLogForTheAuditor() throws Exception {
        UUID patient = UUID.randomUUID();
        publisher.publish(new PatientScreened(patient, "S-201", "RJH", LocalDate.of(2026, 3, 1)));
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
        publisher.publish(new PatientScreened(patient, "S-301", SecurityMatrixCheck.HOME_SITE,
                LocalDate.of(2026, 3, 1)));
        publisher.publish(new CoursePlanned(patient, SecurityMatrixCheck.HOME_SITE, "S-301",
                LocalDate.of(2026, 2, 20), LocalDate.of(2026, 3, 13), LocalDate.of(2026, 3, 20), 12, 4));
        publisher.publish(new RadiotherapyPlanned(patient, SecurityMatrixCheck.HOME_SITE, "S-301",
                LocalDate.of(2026, 2, 20), ResectionMargin.R1));
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/patients/" + patient) != null
                && get("/exposure/patients/" + patient) != null && get("/radiotherapy/patients/" + patient) != null);
        SecurityMatrixCheck check = new SecurityMatrixCheck(baseUrl, issuer, SecurityConfig.PERMISSIONS,
                permission -> null, Map.of("patientId", patient.toString(), "projection", "registry", "endpoint", "lrfs"));
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

    /** The live generation's documents and counters, once it has applied the whole log. */
    private record Snapshot(int generation, List<Document> patients, List<Document> study, Map<String, Long> counters) {
    }

    private Snapshot awaitCaughtUp() {
        await().atMost(Duration.ofSeconds(60)).until(() -> get("/admin/projections", administrator),
                list -> list != null && list.size() > 0 && list.get(0).path("lag").asLong() == 0
                        && list.get(0).path("rebuild").path("state").asText().equals("LIVE"));
        try (MongoClient client = MongoClients.create(infrastructure.mongoUri())) {
            MongoDatabase readModels = client.getDatabase(database);
            int generation = readModels.getCollection("projection_state").find(new Document("_id", "registry"))
                    .first().getInteger("live");
            List<Document> patients = new ArrayList<>();
            readModels.getCollection("registry_patients_g" + generation).find().sort(new Document("_id", 1))
                    .into(patients);
            List<Document> study = new ArrayList<>();
            readModels.getCollection("registry_study_g" + generation).find().into(study);
            Map<String, Long> counters = new TreeMap<>();
            for (Document partition : readModels.getCollection("registry_partitions_g" + generation).find()) {
                partition.get("counters", Document.class).forEach((key, value) ->
                        counters.merge(key, ((Number) value).longValue(), Long::sum));
            }
            return new Snapshot(generation, patients, study, counters);
        }
    }

    /** Requests a rebuild and waits until its generation is live; returns that generation. */
    private int rebuild() throws Exception {
        HttpResponse<String> started = post("/admin/rebuild/registry", administrator);
        assertThat(started.statusCode()).isEqualTo(202);
        int generation = JSON.readTree(started.body()).path("generation").asInt();
        await().atMost(Duration.ofSeconds(60)).until(() -> get("/admin/rebuild/registry", administrator),
                r -> r != null && "LIVE".equals(r.path("state").asText()) && r.path("generation").asInt() >= generation);
        return generation;
    }

    private static long change(Map<String, Long> before, Map<String, Long> after, String counter) {
        return after.getOrDefault(counter, 0L) - before.getOrDefault(counter, 0L);
    }

    /** How many members of a consumer group have partitions assigned. */
    private long membersOwningPartitions(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure.kafkaBootstrapServers()))) {
            return admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().stream()
                    .filter(member -> !member.assignment().topicPartitions().isEmpty()).count();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private List<String> collectionNames() {
        try (MongoClient client = MongoClients.create(infrastructure.mongoUri())) {
            return client.getDatabase(database).listCollectionNames().into(new ArrayList<>());
        }
    }

    private HttpResponse<String> post(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
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
