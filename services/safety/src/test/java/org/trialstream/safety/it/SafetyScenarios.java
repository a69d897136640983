package org.trialstream.safety.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.trialstream.kernel.audit.AuditMetadata;
import org.trialstream.kernel.contract.BoundedContext;
import org.trialstream.kernel.contract.dosing.FirstDoseTaken;
import org.trialstream.kernel.contract.enrolment.PatientEnrolled;
import org.trialstream.kernel.patient.ResectionMargin;
import org.trialstream.kernel.security.Role;
import org.trialstream.localstack.infra.Infrastructure;
import org.trialstream.localstack.token.DevTokenIssuer;
import org.trialstream.protocol.SharedData;
import org.trialstream.safety.SafetyApplication;
import org.trialstream.safety.config.SecurityConfig;
import org.trialstream.support.testing.ContractPublisher;
import org.trialstream.support.testing.InboundLedger;
import org.trialstream.support.testing.ProjectionsService;
import org.trialstream.support.testing.SecurityMatrixCheck;
import org.trialstream.support.testing.ServiceApp;
import org.trialstream.support.testing.SiteCalendar;
import org.trialstream.support.testing.TopicRecords;
import org.trialstream.support.testing.Topics;

/**
 * The safety service on the real broker and PostgreSQL: enrolment and dosing facts (published as those contexts
 * publish them) open the record and start treatment; what site staff report reaches the topic as contract facts;
 * report clocks are persistent deadlines that fire after a restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SafetyScenarios {

    private static final ZoneId SITE_ZONE = SiteCalendar.ZONE;
    private static final LocalDate TODAY = SiteCalendar.today();
    private static final LocalDate SURGERY = TODAY.minusDays(60);
    private static final LocalDate FIRST_DOSE = SURGERY.plusDays(21);

    private final DevTokenIssuer issuer = DevTokenIssuer.generate();
    private final Infrastructure infrastructure;
    private final Path publicKey;
    private final ContractPublisher publisher;
    private final Infrastructure.Database database;
    private final ServiceApp app;
    private final TopicRecords safetyTopic;
    private final String nurse = issuer.token(Role.RESEARCH_NURSE.name()).site(SecurityMatrixCheck.HOME_SITE)
            .subject("nurse-1").name("Nurse One").sign();
    private final String investigator = issuer.token(Role.INVESTIGATOR.name()).site(SecurityMatrixCheck.HOME_SITE)
            .subject("investigator-1").name("Dr Investigator").sign();
    private final String safetyOfficer = issuer.token(Role.SAFETY_OFFICER.name()).subject("safety-1")
            .name("Safety Officer").sign();

    SafetyScenarios(Infrastructure infrastructure, String databaseName) {
        this.infrastructure = infrastructure;
        Topics.ensure(infrastructure.kafkaBootstrapServers(), 3, BoundedContext.ENROLMENT.topic(),
                BoundedContext.DOSING.topic(), BoundedContext.RADIOTHERAPY.topic());
        this.publicKey = issuer.writePublicKey(Path.of("target", databaseName + "-issuer.pub.pem").toAbsolutePath());
        this.publisher = new ContractPublisher(infrastructure.kafkaBootstrapServers());
        this.database = infrastructure.freshDatabase(databaseName);
        this.app = ServiceApp.start(SafetyApplication.class, settings(database));
        this.safetyTopic = new TopicRecords(infrastructure.kafkaBootstrapServers(), BoundedContext.SAFETY.topic());
    }

    @AfterAll
    void stop() {
        app.close();
        publisher.close();
    }

    @Test
    void aSeriousEventReachesTheTopicAsAnSaeWithItsClockAndASubmittedReportClosesIt() throws Exception {
        String patient = enrolAndDose();
        ServiceApp.Response reported = app.post(path(patient), adverseEvent("Diarrhea", 3, "PROBABLE", false,
                List.of("HOSPITALISATION")), nurse);
        assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
        String adverseEvent = reported.body().path("adverseEventId").asText();

        List<ConsumerRecord<String, byte[]>> facts = safetyTopic.awaitFactsAbout(patient, f -> f.size() == 3);
        assertThat(facts).extracting(SafetyScenarios::type).containsExactly("safety.AdverseEventReported",
                "safety.DoseDecisionWarranted", "safety.SeriousAdverseEventReported");
        JsonNode report = ServiceApp.JSON.readTree(facts.get(0).value());
        assertThat(report.path("description").path("meddraCode").asText()).isEqualTo("10012727");
        assertThat(report.path("treatmentEmergent").asBoolean()).isTrue();
        JsonNode sae = ServiceApp.JSON.readTree(facts.get(2).value());
        assertThat(sae.path("susar").asBoolean()).as("unexpected and probably related").isTrue();
        assertThat(sae.path("deadlines").findValuesAsText("dueOn"))
                .containsExactly(TODAY.toString(), TODAY.plusDays(14).toString());
        assertThat(TopicRecords.headers(facts.get(0)).metadata()).containsEntry(AuditMetadata.ACTOR_SUBJECT, "nurse-1");

        await().atMost(Duration.ofSeconds(30)).until(() -> openReports(adverseEvent).size() == 2);
        assertThat(openReports(adverseEvent).get(0).path("kind").asText()).isEqualTo("INITIAL");
        ServiceApp.Response submitted = app.post(path(patient) + "/" + adverseEvent + "/reports",
                Map.of("kind", "INITIAL", "submittedOn", TODAY.toString(), "recipient", "Sponsor PV"), safetyOfficer);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> openReports(adverseEvent).size() == 1);
        assertThat(openReports(adverseEvent).get(0).path("kind").asText()).isEqualTo("EXPEDITED");
    }

    @Test
    void anAdverseEventBecomesAnSaeOnTheTopicAndReachesTheTeaeTable() throws Exception {
        String patient = enrolAndDose();
        ServiceApp.Response reported = app.post(path(patient), adverseEvent("Hypertension", 3, "DEFINITE", true,
                List.of("IMPORTANT_MEDICAL_EVENT")), investigator);
        assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
        String adverseEvent = reported.body().path("adverseEventId").asText();
        safetyTopic.awaitFactsAbout(patient, facts -> facts.stream()
                .anyMatch(fact -> type(fact).equals("safety.SeriousAdverseEventReported")));

        try (ProjectionsService projections = ProjectionsService.start(infrastructure, publicKey,
                getClass().getSimpleName().toLowerCase() + "_toxicity")) {
            String statistician = issuer.token(Role.STATISTICIAN.name()).subject("stat-1").sign();
            String teae = "/toxicity/teae?dataCut=" + TODAY;
            JsonNode hypertension = await().atMost(Duration.ofSeconds(60))
                    .until(() -> row(projections.read(teae, statistician), "Hypertension"), Objects::nonNull);
            assertThat(hypertension.path("anyGrade").path("n").asInt()).isEqualTo(1);
            assertThat(hypertension.path("severe").path("n").asInt()).isEqualTo(1);
            JsonNode listing = projections.read("/toxicity/serious?dataCut=" + TODAY, safetyOfficer);
            assertThat(listing.findValuesAsText("adverseEventId")).contains(adverseEvent);
        }
    }

    /** The incidence table's row for a term, or null while it is not there. */
    private static JsonNode row(JsonNode table, String term) {
        for (JsonNode row : table.path("rows")) {
            if (row.path("name").asText().equals(term)) {
                return row;
            }
        }
        return null;
    }

    @Test
    void theReportClockRebuildsIdenticallyFromTheEventStore() throws Exception {
        String patient = enrolAndDose();
        for (String term : List.of("Anorexia", "Dehydration")) {
            assertThat(app.post(path(patient), adverseEvent(term, 3, "POSSIBLE", false, List.of("HOSPITALISATION")),
                    nurse).status()).isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> app.get("/sae-clock", safetyOfficer).body().toString()
                .contains("Dehydration"));
        JsonNode before = app.get("/sae-clock", safetyOfficer).body();

        TrackingEventProcessor clock = app.bean(EventProcessingConfiguration.class)
                .eventProcessor("sae-clock", TrackingEventProcessor.class)
                .orElseThrow();
        clock.shutDown();
        clock.resetTokens();
        assertThat(app.get("/sae-clock", safetyOfficer).body()).as("emptied by the reset").isEmpty();
        clock.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> app.get("/sae-clock", safetyOfficer).body()
                .equals(before));
    }

    @Test
    void aReportAlreadyPastItsDueDayRaisesExpeditedReportOverdue() throws Exception {
        String patient = enrolAndDose();
        Map<String, Object> lateAwareness = adverseEvent("Febrile neutropenia", 3, "UNRELATED", true,
                List.of("HOSPITALISATION"));
        lateAwareness.put("onsetOn", TODAY.minusDays(6).toString());
        lateAwareness.put("awareOn", TODAY.minusDays(5).toString());
        assertThat(app.post(path(patient), lateAwareness, investigator).status()).isEqualTo(201);

        List<ConsumerRecord<String, byte[]>> facts = safetyTopic.awaitFactsAbout(patient, f -> f.size() == 3);
        assertThat(type(facts.get(2))).isEqualTo("safety.ExpeditedReportOverdue");
        assertThat(ServiceApp.JSON.readTree(facts.get(2).value()).path("dueOn").asText())
                .isEqualTo(TODAY.minusDays(4).toString());
        assertThat(TopicRecords.headers(facts.get(2)).metadata()).doesNotContainKey(AuditMetadata.ACTOR_ROLE);
    }

    @Test
    void anEventReportedBeforeTheFirstDoseIsRejudgedWhenTheDoseIsRecorded() throws Exception {
        UUID patient = UUID.randomUUID();
        InboundLedger.awaitReactedTo(database, publisher.publish(enrolled(patient)));
        Map<String, Object> rash = adverseEvent("Rash maculo-papular", 1, "UNRELATED", true, List.of());
        assertThat(app.post(path(patient.toString()), rash, nurse).status()).isEqualTo(201);
        List<ConsumerRecord<String, byte[]>> before = safetyTopic.awaitFactsAbout(patient.toString(),
                f -> f.size() == 1);
        assertThat(ServiceApp.JSON.readTree(before.get(0).value()).path("treatmentEmergent").asBoolean()).isFalse();

        publisher.publish(new FirstDoseTaken(patient, FIRST_DOSE, 12));
        List<ConsumerRecord<String, byte[]>> after = safetyTopic.awaitFactsAbout(patient.toString(),
                f -> f.size() == 2);
        assertThat(type(after.get(1))).isEqualTo("safety.TreatmentEmergenceRejudged");
        assertThat(ServiceApp.JSON.readTree(after.get(1).value()).path("treatmentEmergent").asBoolean()).isTrue();
    }

    @Test
    void badInputIsRefusedWithAProblemNamingTheFieldAndNothingIsWritten() throws Exception {
        String patient = enrolAndDose();
        ServiceApp.Response gradeFour = app.post(path(patient), adverseEvent(
                "Palmar-plantar erythrodysesthesia syndrome", 4, "PROBABLE", true, List.of()), nurse);
        assertThat(gradeFour.isProblem(422, "grade")).as(gradeFour.toString()).isTrue();
        assertThat(gradeFour.body().toString()).contains("its grades are 1, 2, 3");
        assertThat(app.post(path(patient), adverseEvent("Tummy ache", 1, "UNRELATED", true, List.of()), nurse)
                .isProblem(422, "term")).isTrue();
        Map<String, Object> noAttribution = adverseEvent("Diarrhea", 1, "UNRELATED", true, List.of());
        noAttribution.remove("attribution");
        assertThat(app.post(path(patient), noAttribution, nurse).isProblem(400, "attribution")).isTrue();
        Map<String, Object> future = adverseEvent("Diarrhea", 1, "UNRELATED", true, List.of());
        future.put("onsetOn", TODAY.plusDays(1).toString());
        future.put("awareOn", TODAY.plusDays(1).toString());
        assertThat(app.post(path(patient), future, nurse).isProblem(422, "onsetOn")).isTrue();
        assertThat(app.post(path(patient), "{\"grade\": \"severe\"}", nurse).status()).isEqualTo(400);
        assertThat(app.post(path(patient) + "/" + UUID.randomUUID() + "/resolution",
                Map.of("resolvedOn", TODAY.toString(), "outcome", "RECOVERED"), nurse)
                .isProblem(404, "adverseEventId")).isTrue();
        assertThat(app.post(path(UUID.randomUUID().toString()), adverseEvent("Diarrhea", 1, "UNRELATED", true,
                List.of()), nurse).isProblem(404, "patientId")).isTrue();
        assertThat(safetyTopic.factsAbout(patient)).isEmpty();
    }

    @Test
    void aReportClockSurvivesARestartAndFiresOnTheSchedulersClock() throws Exception {
        Map<String, String> settings = settings(infrastructure.freshDatabase(databaseOfTheManualClock()));
        String patient = enrolAndDose();
        String adverseEvent;
        try (ServiceApp first = ServiceApp.start(ManualClockSafety.class, settings)) {
            ServiceApp.Response reported = await().atMost(Duration.ofSeconds(30)).until(
                    () -> first.post(path(patient), adverseEvent("Pneumonitis", 3, "UNRELATED", true,
                            List.of("HOSPITALISATION")), nurse), response -> response.status() == 201);
            adverseEvent = reported.body().path("adverseEventId").asText();
        }
        try (ServiceApp restarted = ServiceApp.start(ManualClockSafety.class, settings)) {
            ManualScheduler scheduler = restarted.bean(ManualScheduler.class);
            // Aware yesterday: the initial report is due today, and overdue from midnight at the site.
            scheduler.setTime(TODAY.atTime(23, 59).atZone(SITE_ZONE).toInstant());
            scheduler.runAnyDueExecutions();
            assertThat(safetyTopic.factsAbout(patient)).extracting(SafetyScenarios::type)
                    .doesNotContain("safety.ExpeditedReportOverdue");
            scheduler.setTime(TODAY.plusDays(1).atStartOfDay(SITE_ZONE).toInstant());
            scheduler.runAnyDueExecutions();
            List<ConsumerRecord<String, byte[]>> facts = safetyTopic.awaitFactsAbout(patient,
                    f -> f.stream().anyMatch(fact -> type(fact).equals("safety.ExpeditedReportOverdue")));
            JsonNode overdue = ServiceApp.JSON.readTree(facts.get(facts.size() - 1).value());
            assertThat(overdue.path("adverseEventId").asText()).isEqualTo(adverseEvent);
            assertThat(overdue.path("dueOn").asText()).isEqualTo(TODAY.toString());
        }
    }

    @Test
    void aMissingCtcaeFileStopsStartUpWithAClearMessage() {
        Map<String, String> settings = new HashMap<>(settings(infrastructure.freshDatabase(
                databaseOfTheManualClock() + "_no_ctcae")));
        settings.put("trial.ctcae.file", "");
        assertThatThrownBy(() -> ServiceApp.start(SafetyApplication.class, settings))
                .rootCause().hasMessageContaining("TRIAL_CTCAE_FILE");
        settings.put("trial.ctcae.file", Path.of("target", "no-such-ctcae.csv").toAbsolutePath().toString());
        assertThatThrownBy(() -> ServiceApp.start(SafetyApplication.class, settings))
                .rootCause().hasMessageContaining("no-such-ctcae.csv");
    }

    @Test
    void everyDocumentedOperationHonoursThePermissionMatrix() throws Exception {
        String patient = enrolAndDose();
        ServiceApp.Response reported = app.post(path(patient), adverseEvent("Diarrhea", 2, "UNRELATED", true,
                List.of()), nurse);
        assertThat(reported.status()).isEqualTo(201);
        SecurityMatrixCheck check = new SecurityMatrixCheck(app.baseUrl(), issuer, SecurityConfig.PERMISSIONS,
                permission -> validBody(permission.path()),
                Map.of("patientId", patient, "adverseEventId", reported.body().path("adverseEventId").asText()));
        check.everyDocumentedOperationIsInTheMatrix();
        check.anonymousCallsAreRefusedWith401();
        check.rolesWithoutTheRightAreRefusedWith403();
        check.staffOfAnotherSiteFindNoPatient();
        check.untrustworthyTokensAreRefusedWith401();
    }

    private String databaseOfTheManualClock() {
        return getClass().getSimpleName().toLowerCase() + "_clock";
    }

    private Map<String, String> settings(Infrastructure.Database database) {
        return Map.of(
                "trial.security.public-key", publicKey.toString(),
                "trial.ctcae.file", SharedData.ctcaeFile().toAbsolutePath().toString(),
                "spring.datasource.url", database.jdbcUrl(),
                "spring.datasource.username", database.user(),
                "spring.datasource.password", database.password(),
                "axon.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers());
    }

    private List<JsonNode> openReports(String adverseEvent) {
        ServiceApp.Response clock = app.get("/sae-clock", safetyOfficer);
        assertThat(clock.status()).as(clock.toString()).isEqualTo(200);
        return StreamSupport.stream(clock.body().spliterator(), false)
                .filter(row -> row.path("adverseEventId").asText().equals(adverseEvent))
                .toList();
    }

    private static String validBody(String path) {
        String today = TODAY.toString();
        if (path.endsWith("/grade-changes")) {
            return "{\"grade\":3,\"on\":\"" + today + "\",\"reason\":\"worse\"}";
        }
        if (path.endsWith("/seriousness")) {
            return "{\"criteria\":[\"HOSPITALISATION\"],\"awareOn\":\"" + today + "\"}";
        }
        if (path.endsWith("/resolution")) {
            return "{\"resolvedOn\":\"" + today + "\",\"outcome\":\"RECOVERED\"}";
        }
        if (path.endsWith("/reports")) {
            return "{\"kind\":\"INITIAL\",\"submittedOn\":\"" + today + "\",\"recipient\":\"Sponsor PV\"}";
        }
        String adverseEvent = json(adverseEvent("Nausea", 1, "UNRELATED", true, List.of()));
        if (path.endsWith("/corrections")) {
            return "{\"adverseEvent\":" + adverseEvent + ",\"reason\":\"source notes\"}";
        }
        return path.endsWith("/adverse-events") ? adverseEvent : null;
    }

    /** An enrolled patient of the home site who took the first anlotinib dose; returns the patient id. */
    private String enrolAndDose() {
        UUID patient = UUID.randomUUID();
        InboundLedger.awaitReactedTo(database, publisher.publish(enrolled(patient)),
                publisher.publish(new FirstDoseTaken(patient, FIRST_DOSE, 12)));
        return patient.toString();
    }

    private static PatientEnrolled enrolled(UUID patient) {
        return new PatientEnrolled(patient, 1, "S-" + patient.toString().substring(0, 6),
                SecurityMatrixCheck.HOME_SITE, SURGERY.plusDays(10), SURGERY, ResectionMargin.R1, "Liposarcoma");
    }

    private static Map<String, Object> adverseEvent(String term, int grade, String anlotinib, boolean expected,
                                                    List<String> criteria) {
        Map<String, Object> body = new HashMap<>(Map.of("term", term, "grade", grade,
                "onsetOn", TODAY.minusDays(2).toString(), "awareOn", TODAY.minusDays(1).toString(),
                "attribution", Map.of("anlotinib", anlotinib, "radiotherapy", "UNLIKELY"),
                "expected", expected, "actionTaken", "DOSE_NOT_CHANGED"));
        if (!criteria.isEmpty()) {
            body.put("serious", Map.of("criteria", criteria));
        }
        return body;
    }

    private static String json(Object body) {
        try {
            return ServiceApp.JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String path(String patient) {
        return "/patients/" + patient + "/adverse-events";
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        return TopicRecords.headers(record).eventType();
    }
}
