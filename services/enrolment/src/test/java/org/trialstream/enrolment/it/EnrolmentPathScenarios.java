package org.trialstream.enrolment.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.trialstream.enrolment.config.SecurityConfig;
import org.trialstream.enrolment.patient.domain.EligibilityCriterion;
import org.trialstream.kernel.audit.AuditMetadata;
import org.trialstream.kernel.security.Role;
import org.trialstream.kernel.contract.ContractHeaders;
import org.trialstream.localstack.infra.Infrastructure;
import org.trialstream.localstack.service.ServiceProcess;
import org.trialstream.localstack.token.DevTokenIssuer;
import org.trialstream.support.testing.SecurityMatrixCheck;
import org.trialstream.support.testing.ServiceApp;
import org.trialstream.support.testing.SiteCalendar;
import org.trialstream.support.testing.TopicRecords;

/**
 * The enrolment slice end to end on real infrastructure: HTTP → Axon → PostgreSQL event store → Kafka topic →
 * projections service → MongoDB → HTTP. The same scenarios run on local processes and on Testcontainers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class EnrolmentPathScenarios {

    private static final String TOPIC = "trial.enrolment.events";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Infrastructure infrastructure;
    private final Infrastructure.Database database;
    /** The service's own login: granted trial_event_writer, owning nothing (the migrations run as the owner). */
    private final Infrastructure.Database serviceLogin;
    private final DevTokenIssuer issuer = DevTokenIssuer.generate();
    private final Path publicKey;
    private final String monitor;
    private final ServiceProcess projections;
    private EnrolmentApp app;
    private int screeningSequence;

    EnrolmentPathScenarios(Infrastructure infrastructure, String databaseName) {
        this.infrastructure = infrastructure;
        this.database = infrastructure.freshDatabase(databaseName);
        this.serviceLogin = leastPrivilegedLogin(databaseName + "_service");
        this.publicKey = issuer.writePublicKey(Path.of("target", databaseName + "-issuer.pub.pem").toAbsolutePath());
        this.monitor = issuer.token(Role.MONITOR.name()).subject("monitor-1").sign();
        this.app = startApp();
        int projectionsPort = freePort();
        this.projections = new ServiceProcess("projections",
                Path.of(System.getProperty("trial.projections.jar", "../projections/target/projections.jar")),
                projectionsPort, Map.of(
                        "TRIAL_PROJECTIONS_PORT", String.valueOf(projectionsPort),
                        "TRIAL_JWT_PUBLIC_KEY", publicKey.toString(),
                        "TRIAL_KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers(),
                        "TRIAL_MONGODB_URI", infrastructure.mongoUri(),
                        "TRIAL_MONGODB_DATABASE", databaseName),
                Path.of("target", databaseName + "-projections.log"));
    }

    @AfterAll
    void stopServices() {
        app.close();
        projections.stop();
    }

    @Test
    @Order(1)
    void enrolledPatientTravelsFromHttpThroughEventStoreAndTopicToTheRegistry() throws Exception {
        projections.start(Duration.ofSeconds(90));
        String patientId = enrolNewPatient("R1");

        assertThat(storedEventTypes(patientId)).containsExactly(
                "enrolment.PatientScreened", "enrolment.EligibilityAssessed", "enrolment.PatientEnrolled");

        List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(30))
                .until(() -> recordsFor(patientId), found -> found.size() == 3);
        assertThat(records).extracting(record -> header(record, ContractHeaders.EVENT_TYPE)).containsExactly(
                "enrolment.PatientScreened", "enrolment.EligibilityAssessed", "enrolment.PatientEnrolled");
        assertThat(records).allSatisfy(record -> {
            assertThat(record.key()).isEqualTo(patientId);
            assertThat(header(record, ContractHeaders.EVENT_VERSION)).isEqualTo("1");
            assertThat(header(record, ContractHeaders.EVENT_ID)).isNotBlank();
            assertThat(header(record, ContractHeaders.EVENT_TIMESTAMP)).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        });
        JsonNode enrolled = EnrolmentApp.JSON.readTree(records.get(2).value());
        assertThat(enrolled.get("margin").asText()).isEqualTo("R1");
        assertThat(enrolled.get("surgeryDate").asText()).isEqualTo(SiteCalendar.today().minusDays(20).toString());

        JsonNode registered = await().atMost(Duration.ofSeconds(30))
                .until(() -> get(projections.baseUrl() + "/patients/" + patientId),
                        body -> body != null && "ENROLLED".equals(body.path("status").asText()));
        assertThat(registered.get("margin").asText()).isEqualTo("R1");
        assertThat(registered.get("enrolmentNumber").asInt()).isEqualTo(1);
        assertThat(registered.path("versions").path("enrolment").asLong(-1))
                .as("the enrolment context's version: screened 0, assessed 1, enrolled 2").isEqualTo(2);
        JsonNode progress = get(projections.baseUrl() + "/enrolment/progress");
        assertThat(progress.get("enrolled").asInt()).isEqualTo(1);
        assertThat(progress.get("enrolmentCap").asInt()).isEqualTo(41);
        assertThat(progress.path("byMargin").path("R1").asInt()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void eventStoreKeepsPayloadsAsByteaWithAxonsUniqueKeys() throws SQLException {
        try (Connection connection = connect()) {
            ResultSet types = connection.createStatement().executeQuery(
                    "SELECT column_name, data_type FROM information_schema.columns "
                            + "WHERE table_name = 'domain_event_entry' AND column_name IN ('payload', 'meta_data')");
            Map<String, String> columnTypes = new HashMap<>();
            while (types.next()) {
                columnTypes.put(types.getString(1), types.getString(2));
            }
            assertThat(columnTypes).containsOnly(Map.entry("payload", "bytea"), Map.entry("meta_data", "bytea"));

            ResultSet indexes = connection.createStatement().executeQuery(
                    "SELECT indexdef FROM pg_indexes WHERE tablename = 'domain_event_entry'");
            List<String> definitions = new ArrayList<>();
            while (indexes.next()) {
                definitions.add(indexes.getString(1));
            }
            assertThat(definitions).anyMatch(d -> d.startsWith("CREATE UNIQUE INDEX")
                    && d.contains("aggregate_identifier") && d.contains("sequence_number"));
            assertThat(definitions).anyMatch(d -> d.startsWith("CREATE UNIQUE INDEX")
                    && d.contains("(event_identifier)"));
        }
    }

    @Test
    @Order(3)
    void badInputIsRefusedWithAProblemNamingTheFieldAndNothingIsWritten() throws Exception {
        String patientId = screenNewPatient();
        long eventsBefore = eventCount();

        ServiceApp.Response missingMargin = app.post("/patients/" + patientId + "/enrolment",
                Map.of("surgeryDate", SiteCalendar.today().minusDays(10).toString(), "histology", "Liposarcoma"));
        assertThat(missingMargin.status()).isEqualTo(400);
        assertThat(missingMargin.contentType()).startsWith("application/problem+json");
        assertThat(missingMargin.body().path("errors").get(0).path("field").asText()).isEqualTo("margin");

        ServiceApp.Response notAssessed = app.post("/patients/" + patientId + "/enrolment", Map.of(
                "surgeryDate", SiteCalendar.today().minusDays(10).toString(), "margin", "R0", "histology", "Liposarcoma"));
        assertThat(notAssessed.status()).isEqualTo(422);
        assertThat(notAssessed.body().path("errors").get(0).path("field").asText()).isEqualTo("eligibility");

        ServiceApp.Response unknown = app.post("/patients/" + UUID.randomUUID() + "/withdrawal",
                Map.of("withdrawnOn", SiteCalendar.today().toString(), "reason", "Moved"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");

        ServiceApp.Response noReason = app.post("/patients/" + patientId + "/corrections",
                Map.of("margin", "R2", "reason", ""));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().path("errors").get(0).path("field").asText()).isEqualTo("reason");

        ServiceApp.Response staleVersion = app.post("/patients/" + patientId + "/eligibility",
                Map.of("answers", allCriteriaSatisfied(), "assessedOn", SiteCalendar.today().toString()));
        assertThat(staleVersion.status()).isEqualTo(200);
        ServiceApp.Response conflicting = app.post("/patients/" + patientId + "/eligibility",
                Map.of("answers", allCriteriaSatisfied(), "assessedOn", SiteCalendar.today().toString()),
                issuer.token(Role.INVESTIGATOR.name()).site(SecurityMatrixCheck.HOME_SITE).sign(), "\"0\"");
        assertThat(conflicting.status()).isEqualTo(409);

        assertThat(eventCount()).isEqualTo(eventsBefore + 1);
    }

    @Test
    @Order(4)
    void correctionReferencesTheEventItCorrectsAndKeepsTheOriginal() throws Exception {
        String patientId = enrolNewPatient("R0");
        ServiceApp.Response corrected = app.post("/patients/" + patientId + "/corrections",
                Map.of("margin", "R1", "reason", "Pathology review found a microscopically positive margin"));
        assertThat(corrected.status()).isEqualTo(200);

        List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(30))
                .until(() -> recordsFor(patientId), found -> found.size() == 4);
        String enrolledEventId = header(records.get(2), ContractHeaders.EVENT_ID);
        JsonNode correction = EnrolmentApp.JSON.readTree(records.get(3).value());
        assertThat(correction.get("correctedEventId").asText()).isEqualTo(enrolledEventId);
        assertThat(EnrolmentApp.JSON.readTree(records.get(2).value()).get("margin").asText()).isEqualTo("R0");
    }

    @Test
    @Order(5)
    void everyEventAndEveryRecordCarriesWhoWhenAndWhy() throws Exception {
        String patientId = enrolNewPatient("R2");
        app.post("/patients/" + patientId + "/withdrawal",
                Map.of("withdrawnOn", SiteCalendar.today().toString(), "reason", "Moved abroad"));

        try (Connection connection = connect()) {
            ResultSet rows = connection.createStatement().executeQuery("SELECT meta_data FROM domain_event_entry");
            int events = 0;
            while (rows.next()) {
                events++;
                JsonNode metadata = EnrolmentApp.JSON.readTree(rows.getBytes(1));
                assertThat(metadata.has(AuditMetadata.ACTOR_SUBJECT)).as(metadata.toString()).isTrue();
                assertThat(metadata.has(AuditMetadata.RECORDED_AT)).as(metadata.toString()).isTrue();
                assertThat(metadata.has(AuditMetadata.CORRELATION_ID)).as(metadata.toString()).isTrue();
                assertThat(metadata.has(AuditMetadata.CAUSATION_ID)).as(metadata.toString()).isTrue();
            }
            assertThat(events).isPositive();
        }

        List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(30))
                .until(() -> recordsFor(patientId), found -> found.size() == 4);
        for (ConsumerRecord<String, byte[]> record : records) {
            assertThat(header(record, "meta-" + AuditMetadata.ACTOR_SUBJECT)).isEqualTo("investigator-1");
            assertThat(header(record, "meta-" + AuditMetadata.ACTOR_NAME)).isEqualTo("Dr Investigator");
            assertThat(header(record, "meta-" + AuditMetadata.ACTOR_ROLE)).isEqualTo("INVESTIGATOR");
            assertThat(header(record, "meta-" + AuditMetadata.ACTOR_SITE)).isEqualTo("RJH");
            assertThat(header(record, "meta-" + AuditMetadata.RECORDED_AT)).matches("\\d{4}-.*Z");
            assertThat(header(record, "meta-" + AuditMetadata.REQUEST_ID)).isNotBlank();
            assertThat(header(record, "meta-" + AuditMetadata.CORRELATION_ID)).isNotBlank();
            assertThat(header(record, "meta-" + AuditMetadata.CAUSATION_ID)).isNotBlank();
            // No X-Correlation-Id was sent: the request's own id correlates everything it caused.
            assertThat(header(record, "meta-" + AuditMetadata.CORRELATION_ID))
                    .isEqualTo(header(record, "meta-" + AuditMetadata.REQUEST_ID));
        }
        assertThat(records).extracting(record -> header(record, ContractHeaders.RECORD_VERSION))
                .containsExactly("0", "1", "2", "3");
        assertThat(header(records.get(3), "meta-" + AuditMetadata.CLINICAL_DATE))
                .isEqualTo(SiteCalendar.today().toString());

        JsonNode registered = await().atMost(Duration.ofSeconds(30))
                .until(() -> get(projections.baseUrl() + "/patients/" + patientId),
                        body -> body != null && "WITHDRAWN".equals(body.path("status").asText()));
        JsonNode withdrawal = registered.path("auditTrail").get(3);
        assertThat(withdrawal.path("type").asText()).isEqualTo("enrolment.ConsentWithdrawn");
        assertThat(withdrawal.path(AuditMetadata.ACTOR_NAME).asText()).isEqualTo("Dr Investigator");
        assertThat(withdrawal.path(AuditMetadata.CLINICAL_DATE).asText()).isEqualTo(SiteCalendar.today().toString());
    }

    @Test
    @Order(6)
    void capOfFortyOneHoldsUnderConcurrentEnrolmentAndAfterARestart() throws Exception {
        int alreadyEnrolled = enrolledPlaces();
        List<String> candidates = new ArrayList<>();
        for (int i = 0; i < 41 - alreadyEnrolled + 4; i++) {
            String patientId = screenNewPatient();
            assess(patientId);
            candidates.add(patientId);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> outcomes = new ArrayList<>();
        for (String patientId : candidates) {
            outcomes.add(pool.submit(() -> enrol(patientId, "R2").status()));
        }
        Map<Integer, Integer> byStatus = new HashMap<>();
        for (Future<Integer> outcome : outcomes) {
            byStatus.merge(outcome.get(), 1, Integer::sum);
        }
        pool.shutdown();
        assertThat(byStatus).containsEntry(200, 41 - alreadyEnrolled).containsEntry(409, 4).hasSize(2);
        assertThat(enrolledPlaces()).isEqualTo(41);

        app.close();
        app = startApp();

        String latecomer = screenNewPatient();
        assess(latecomer);
        ServiceApp.Response refused = enrol(latecomer, "R0");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().path("detail").asText()).contains("41 patients");
        assertThat(enrolledPlaces()).isEqualTo(41);
    }

    @Test
    @Order(7)
    void eventsStoredWhilePublishingIsInterruptedReachTheTopicAfterARestart() throws Exception {
        List<String> patients = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            patients.add(screenNewPatient());
        }
        infrastructure.stopKafka();
        for (int i = 0; i < 10; i++) {
            patients.add(screenNewPatient());
        }
        app.close();
        infrastructure.startKafka();
        app = startApp();

        Set<String> published = await().atMost(Duration.ofSeconds(90)).until(
                () -> screenedPatientsOnTopic(), found -> found.containsAll(patients));
        assertThat(published).containsAll(patients);
        assertThat(distinctEventIdsOnTopic()).isEqualTo(eventCountOfContracts());
    }

    @Test
    @Order(8)
    void everyDocumentedOperationHonoursThePermissionMatrix() throws Exception {
        String patientId = screenNewPatient();
        assess(patientId);
        SecurityMatrixCheck check = new SecurityMatrixCheck(app.baseUrl(), issuer, SecurityConfig.PERMISSIONS,
                permission -> validBody(permission.path()), Map.of("patientId", patientId));
        check.everyDocumentedOperationIsInTheMatrix();
        check.anonymousCallsAreRefusedWith401();
        check.rolesWithoutTheRightAreRefusedWith403();
        check.staffOfAnotherSiteFindNoPatient();
        check.untrustworthyTokensAreRefusedWith401();

        String otherSiteNurse = check.token(Role.RESEARCH_NURSE, SecurityMatrixCheck.OTHER_SITE).sign();
        ServiceApp.Response screenedElsewhere = app.post("/patients", Map.of("screeningNumber", "S-X1",
                "siteId", SecurityMatrixCheck.HOME_SITE, "screenedOn", SiteCalendar.today().toString()), otherSiteNurse);
        assertThat(screenedElsewhere.status()).isEqualTo(403);
        assertThat(get(projections.baseUrl() + "/patients", check.token(Role.INVESTIGATOR,
                SecurityMatrixCheck.OTHER_SITE).sign())).isEmpty();
    }

    @Test
    @Order(9)
    void theServicesLoginMayAppendAndReadEventsButNeverChangeOrDeleteThem() throws SQLException {
        String patientId = screenNewPatient();
        try (Connection asService = DriverManager.getConnection(database.jdbcUrl(), serviceLogin.user(),
                serviceLogin.password()); var statement = asService.createStatement()) {
            assertThat(statement.executeQuery("SELECT count(*) FROM domain_event_entry").next()).isTrue();
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE domain_event_entry SET payload_type = 'x' "
                    + "WHERE aggregate_identifier = '" + patientId + "'"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM domain_event_entry "
                    + "WHERE aggregate_identifier = '" + patientId + "'"))
                    .hasMessageContaining("permission denied");
        }
        assertThat(storedEventTypes(patientId)).containsExactly("enrolment.PatientScreened");
    }

    @Test
    @Order(10)
    void healthIsDownWhileTheEventStoreCannotBeWritten() throws Exception {
        assertThat(health()).isEqualTo(200);
        try (Connection owner = connect(); var statement = owner.createStatement()) {
            statement.execute("REVOKE UPDATE ON trial_store_health FROM trial_event_writer");
            try {
                assertThat(health()).isEqualTo(503);
            } finally {
                statement.execute("GRANT UPDATE ON trial_store_health TO trial_event_writer");
            }
        }
        assertThat(health()).isEqualTo(200);
    }

    @Test
    @Order(11)
    void twoInstancesShareTheWorkAndPublishEveryEventAtLeastOnce() throws Exception {
        EnrolmentApp second = startApp();
        try {
            List<String> patients = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                EnrolmentApp instance = i % 2 == 0 ? app : second;
                ServiceApp.Response screened = instance.post("/patients", Map.of(
                        "screeningNumber", "S-TWO-" + i + "-" + UUID.randomUUID().toString().substring(0, 4),
                        "siteId", "RJH", "screenedOn", SiteCalendar.today().toString()));
                assertThat(screened.status()).as(screened.toString()).isEqualTo(201);
                String patientId = screened.body().get("patientId").asText();
                ServiceApp.Response assessed = (i % 2 == 0 ? second : app).post(
                        "/patients/" + patientId + "/eligibility",
                        Map.of("answers", allCriteriaSatisfied(), "assessedOn", SiteCalendar.today().toString()));
                assertThat(assessed.status()).as(assessed.toString()).isEqualTo(200);
                patients.add(patientId);
            }
            Set<String> published = await().atMost(Duration.ofSeconds(60)).until(
                    () -> screenedPatientsOnTopic(), found -> found.containsAll(patients));
            assertThat(published).containsAll(patients);
            await().atMost(Duration.ofSeconds(60)).until(() -> distinctEventIdsOnTopic() == eventCountOfContracts());
            // One owner per segment of the publisher, whichever instance claimed it.
            assertThat(count("SELECT count(DISTINCT owner) FROM token_entry "
                    + "WHERE processor_name = '__axon-kafka-event-publishing-group' AND owner IS NOT NULL"))
                    .isEqualTo(1);
        } finally {
            second.close();
        }
    }

    @Test
    @Order(12)
    void hostileInputGetsAProblemAndWritesNothing() throws Exception {
        long eventsBefore = eventCount();
        String token = issuer.token(Role.INVESTIGATOR.name()).site(SecurityMatrixCheck.HOME_SITE).sign();

        ServiceApp.Response ancient = app.post("/patients", Map.of("screeningNumber", "S-OLD-1", "siteId", "RJH",
                "screenedOn", "0001-01-01"));
        assertThat(ancient.isProblem(422, "screenedOn")).as(ancient.toString()).isTrue();

        ServiceApp.Response future = app.post("/patients", Map.of("screeningNumber", "S-FUT-1", "siteId", "RJH",
                "screenedOn", SiteCalendar.today().plusDays(2).toString()));
        assertThat(future.isProblem(422, "screenedOn")).as(future.toString()).isTrue();

        // Sixteen times the 64 KB limit, refused by its declared length. It stays under Tomcat's swallow limit (2 MB),
        // so the connection survives the refusal: a larger body makes Tomcat close it with the body unread, and the
        // client can then lose the 413 to the reset (seen in CI as "header parser received no bytes").
        String huge = "{\"screeningNumber\":\"S-BIG\",\"siteId\":\"RJH\",\"screenedOn\":\""
                + SiteCalendar.today() + "\",\"padding\":\"" + "x".repeat(1024 * 1024) + "\"}";
        ServiceApp.Response tooLarge = app.post("/patients", huge);
        assertThat(tooLarge.isProblem(413, "body")).as(tooLarge.status() + " " + tooLarge.contentType()).isTrue();

        ServiceApp.Response badIfMatch = app.post("/patients/" + UUID.randomUUID() + "/withdrawal",
                Map.of("withdrawnOn", SiteCalendar.today().toString(), "reason", "Moved"), token, "yesterday");
        assertThat(badIfMatch.isProblem(400, "If-Match")).as(badIfMatch.toString()).isTrue();

        ServiceApp.Response notAUuid = app.post("/patients/not-a-uuid/withdrawal",
                Map.of("withdrawnOn", SiteCalendar.today().toString(), "reason", "Moved"));
        assertThat(notAUuid.isProblem(400, "patientId")).as(notAUuid.toString()).isTrue();

        for (String url : List.of("/patients/%00/withdrawal", "/patients?a[b]=c", "/patients/..%2F..%2Fetc",
                "/patients/%ZZ")) {
            ServiceApp.Response malformed = app.raw("POST", url, token);
            assertThat(malformed.status()).as(url + " " + malformed).isBetween(400, 499);
            assertThat(malformed.contentType()).as(url + " " + malformed).startsWith("application/problem+json");
        }
        assertThat(eventCount()).isEqualTo(eventsBefore);
    }

    // --- helpers ---

    private int health() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private EnrolmentApp startApp() {
        return EnrolmentApp.start(infrastructure, database, issuer, publicKey, Map.of(
                "spring.datasource.username", serviceLogin.user(),
                "spring.datasource.password", serviceLogin.password(),
                "spring.flyway.user", database.user(),
                "spring.flyway.password", database.password()));
    }

    /** A login role as production gives the service: a member of trial_event_writer and nothing more. */
    private Infrastructure.Database leastPrivilegedLogin(String role) {
        try (Connection connection = connect(); var statement = connection.createStatement()) {
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'trial_event_writer') "
                    + "THEN CREATE ROLE trial_event_writer NOLOGIN; END IF; END $$");
            statement.execute("DROP ROLE IF EXISTS " + role);
            statement.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'service' IN ROLE trial_event_writer");
            return new Infrastructure.Database(database.jdbcUrl(), role, "service");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A body that passes the form checks, or null for a read (the platform's {@code GET /audit/store-chain}). */
    private static String validBody(String path) {
        if (!path.startsWith("/patients")) {
            return null;
        }
        String today = SiteCalendar.today().toString();
        try {
            return EnrolmentApp.JSON.writeValueAsString(switch (path) {
                case "/patients" -> Map.of("screeningNumber", "S-" + UUID.randomUUID().toString().substring(0, 8),
                        "siteId", SecurityMatrixCheck.HOME_SITE, "screenedOn", today);
                case "/patients/{patientId}/eligibility" -> Map.of("answers", allCriteriaSatisfied(),
                        "assessedOn", today);
                case "/patients/{patientId}/enrolment" -> Map.of("surgeryDate",
                        SiteCalendar.today().minusDays(20).toString(), "margin", "R0", "histology", "Liposarcoma");
                case "/patients/{patientId}/withdrawal" -> Map.of("withdrawnOn", today, "reason", "Moved");
                case "/patients/{patientId}/corrections" -> Map.of("margin", "R2", "reason", "Pathology review");
                default -> throw new IllegalArgumentException("no valid body for " + path);
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String enrolNewPatient(String margin) {
        String patientId = screenNewPatient();
        assess(patientId);
        ServiceApp.Response enrolled = enrol(patientId, margin);
        assertThat(enrolled.status()).as(enrolled.body().toString()).isEqualTo(200);
        return patientId;
    }

    private synchronized String screenNewPatient() {
        screeningSequence++;
        ServiceApp.Response screened = app.post("/patients", Map.of(
                "screeningNumber", "S-" + screeningSequence + "-" + UUID.randomUUID().toString().substring(0, 4),
                "siteId", "RJH",
                "screenedOn", SiteCalendar.today().minusDays(1).toString()));
        assertThat(screened.status()).as(screened.body().toString()).isEqualTo(201);
        return screened.body().get("patientId").asText();
    }

    private void assess(String patientId) {
        ServiceApp.Response assessed = app.post("/patients/" + patientId + "/eligibility",
                Map.of("answers", allCriteriaSatisfied(), "assessedOn", SiteCalendar.today().toString()));
        assertThat(assessed.status()).as(assessed.body().toString()).isEqualTo(200);
    }

    private ServiceApp.Response enrol(String patientId, String margin) {
        return app.post("/patients/" + patientId + "/enrolment", Map.of(
                "surgeryDate", SiteCalendar.today().minusDays(20).toString(),
                "margin", margin,
                "histology", "Synovial sarcoma"));
    }

    private static Map<String, Boolean> allCriteriaSatisfied() {
        Map<String, Boolean> answers = new LinkedHashMap<>();
        for (EligibilityCriterion criterion : EligibilityCriterion.values()) {
            answers.put(criterion.name(), criterion.kind() == EligibilityCriterion.Kind.INCLUSION);
        }
        return answers;
    }

    private JsonNode get(String url) {
        return get(url, monitor);
    }

    private static JsonNode get(String url, String token) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? EnrolmentApp.JSON.readTree(response.body()) : null;
        } catch (Exception e) {
            return null;
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    private List<String> storedEventTypes(String aggregateId) throws SQLException {
        try (Connection connection = connect()) {
            var statement = connection.prepareStatement("SELECT payload_type FROM domain_event_entry "
                    + "WHERE aggregate_identifier = ? ORDER BY sequence_number");
            statement.setString(1, aggregateId);
            ResultSet rows = statement.executeQuery();
            List<String> types = new ArrayList<>();
            while (rows.next()) {
                types.add(rows.getString(1));
            }
            return types;
        }
    }

    private long eventCount() throws SQLException {
        return count("SELECT count(*) FROM domain_event_entry");
    }

    private long eventCountOfContracts() throws SQLException {
        return count("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE 'enrolment.%'");
    }

    private int enrolledPlaces() throws SQLException {
        return (int) count("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%EnrolmentPlaceTaken'");
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = connect()) {
            ResultSet rows = connection.createStatement().executeQuery(sql);
            rows.next();
            return rows.getLong(1);
        }
    }

    private List<ConsumerRecord<String, byte[]>> allRecords() {
        return new TopicRecords(infrastructure.kafkaBootstrapServers(), TOPIC).all();
    }

    private List<ConsumerRecord<String, byte[]>> recordsFor(String patientId) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : allRecords()) {
            if (record.key().equals(patientId) && seen.add(header(record, ContractHeaders.EVENT_ID))) {
                records.add(record);
            }
        }
        return records;
    }

    private Set<String> screenedPatientsOnTopic() {
        Set<String> patients = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : allRecords()) {
            if ("enrolment.PatientScreened".equals(header(record, ContractHeaders.EVENT_TYPE))) {
                patients.add(record.key());
            }
        }
        return patients;
    }

    private long distinctEventIdsOnTopic() {
        return allRecords().stream().map(record -> header(record, ContractHeaders.EVENT_ID)).distinct().count();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static int freePort() {
        return org.trialstream.localstack.Processes.freePort();
    }
}
