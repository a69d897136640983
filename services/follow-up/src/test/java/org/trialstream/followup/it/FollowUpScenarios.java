package org.trialstream.followup.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.trialstream.followup.FollowUpApplication;
import org.trialstream.followup.config.SecurityConfig;
import org.trialstream.kernel.audit.AuditMetadata;
import org.trialstream.kernel.contract.enrolment.ConsentWithdrawn;
import org.trialstream.kernel.contract.enrolment.EnrolmentCorrected;
import org.trialstream.kernel.contract.enrolment.PatientEnrolled;
import org.trialstream.kernel.patient.ResectionMargin;
import org.trialstream.kernel.security.Role;
import org.trialstream.localstack.infra.Infrastructure;
import org.trialstream.localstack.token.DevTokenIssuer;
import org.trialstream.support.testing.ContractPublisher;
import org.trialstream.support.testing.SecurityMatrixCheck;
import org.trialstream.support.testing.ServiceApp;
import org.trialstream.support.testing.SiteCalendar;
import org.trialstream.support.testing.TopicRecords;
import org.trialstream.support.testing.Topics;

/**
 * The follow-up service on the real broker and PostgreSQL: enrolment's facts (published as enrolment publishes them)
 * plan, re-plan and stop the schedule; what site staff record reaches the topic as contract facts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FollowUpScenarios {

    private static final String ENROLMENT_TOPIC = "trial.enrolment.events";
    /** Long enough ago that three visits have passed, recent enough that the schedule is still running. */
    private static final LocalDate SURGERY = LocalDate.now().minusMonths(10);

    private final DevTokenIssuer issuer = DevTokenIssuer.generate();
    private final ContractPublisher enrolment;
    private final ServiceApp app;
    private final TopicRecords followUpTopic;
    private final String nurse = issuer.token(Role.RESEARCH_NURSE.name()).site(SecurityMatrixCheck.HOME_SITE)
            .subject("nurse-1").name("Nurse One").sign();
    private final String investigator = issuer.token(Role.INVESTIGATOR.name()).site(SecurityMatrixCheck.HOME_SITE)
            .subject("investigator-1").name("Dr Investigator").sign();

    FollowUpScenarios(Infrastructure infrastructure, String databaseName) {
        Topics.ensure(infrastructure.kafkaBootstrapServers(), 3, ENROLMENT_TOPIC);
        Infrastructure.Database database = infrastructure.freshDatabase(databaseName);
        Path publicKey = issuer.writePublicKey(Path.of("target", databaseName + "-issuer.pub.pem").toAbsolutePath());
        this.enrolment = new ContractPublisher(infrastructure.kafkaBootstrapServers());
        this.app = ServiceApp.start(FollowUpApplication.class, Map.of(
                "trial.security.public-key", publicKey.toString(),
                "spring.datasource.url", database.jdbcUrl(),
                "spring.datasource.username", database.user(),
                "spring.datasource.password", database.password(),
                "axon.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers()));
        this.followUpTopic = new TopicRecords(infrastructure.kafkaBootstrapServers(), "trial.follow-up.events");
    }

    @AfterAll
    void stop() {
        app.close();
        enrolment.close();
    }

    @Test
    void enrolmentPlansTheScheduleAndAnAssessmentOutsideItsWindowIsRecordedWithADeviation() throws Exception {
        String patient = enrol();
        List<ConsumerRecord<String, byte[]>> planned = followUpTopic.awaitFactsAbout(patient, facts -> facts.size() == 1);
        assertThat(type(planned.get(0))).isEqualTo("follow-up.VisitsScheduled");
        assertThat(ServiceApp.JSON.readTree(planned.get(0).value()).path("visits")).hasSize(12);
        assertThat(ServiceApp.JSON.readTree(planned.get(0).value()).path("visits").get(0).path("dueOn").asText())
                .isEqualTo(SURGERY.plusMonths(3).toString());
        assertThat(TopicRecords.headers(planned.get(0)).metadata()).containsEntry(AuditMetadata.ACTOR_SUBJECT, "system:follow-up");

        ServiceApp.Response inWindow = app.post(path(patient, "assessments"),
                assessment(SURGERY.plusMonths(3), false, 1), nurse, null);
        assertThat(inWindow.status()).as(inWindow.toString()).isEqualTo(200);
        ServiceApp.Response late = app.post(path(patient, "assessments"),
                assessment(SURGERY.plusMonths(6).plusDays(20), false, 2), nurse, null);
        assertThat(late.status()).as(late.toString()).isEqualTo(200);

        List<ConsumerRecord<String, byte[]>> facts = followUpTopic.awaitFactsAbout(patient, f -> f.size() == 4);
        assertThat(facts).extracting(FollowUpScenarios::type).containsExactly("follow-up.VisitsScheduled",
                "follow-up.ImagingAssessed", "follow-up.ImagingAssessed", "follow-up.AssessmentOutsideWindow");
        assertThat(ServiceApp.JSON.readTree(facts.get(3).value()).path("assessmentEventId").asText())
                .isEqualTo(TopicRecords.headers(facts.get(2)).eventId());
        assertThat(TopicRecords.headers(facts.get(1)).metadata()).containsEntry(AuditMetadata.ACTOR_SUBJECT, "nurse-1");
    }

    @Test
    void aRecordedRecurrenceIsUndoneOnlyByACorrectionWithAReason() throws Exception {
        String patient = enrol();
        followUpTopic.awaitFactsAbout(patient, facts -> facts.size() == 1);
        assertThat(app.post(path(patient, "assessments"), assessment(SURGERY.plusMonths(3), true, 1), nurse, null)
                .status()).isEqualTo(200);
        ServiceApp.Response silentUndo = app.post(path(patient, "assessments"),
                assessment(SURGERY.plusMonths(6), false, 2), nurse, null);
        assertThat(silentUndo.isProblem(422, "localRecurrence")).as(silentUndo.toString()).isTrue();

        String recurrenceEventId = TopicRecords.headers(
                followUpTopic.awaitFactsAbout(patient, facts -> facts.size() == 2).get(1)).eventId();
        Map<String, Object> correction = new HashMap<>(assessment(SURGERY.plusMonths(3), false, 1));
        correction.put("correctedEventId", recurrenceEventId);
        ServiceApp.Response withoutReason = app.post(path(patient, "assessments/corrections"), correction,
                investigator, null);
        assertThat(withoutReason.isProblem(400, "reason")).as(withoutReason.toString()).isTrue();
        correction.put("reason", "Central radiology review: post-operative change, not recurrence");
        ServiceApp.Response corrected = app.post(path(patient, "assessments/corrections"), correction,
                investigator, null);
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        assertThat(app.post(path(patient, "assessments"), assessment(SURGERY.plusMonths(6), false, 2), nurse, null)
                .status()).isEqualTo(200);

        List<ConsumerRecord<String, byte[]>> facts = followUpTopic.awaitFactsAbout(patient, f -> f.size() == 4);
        assertThat(type(facts.get(2))).isEqualTo("follow-up.AssessmentCorrected");
        assertThat(ServiceApp.JSON.readTree(facts.get(2).value()).path("correctedEventId").asText())
                .isEqualTo(recurrenceEventId);
    }

    @Test
    void aSurgeryDateCorrectionReplansTheScheduleAndAWithdrawalStopsIt() throws Exception {
        String patient = enrol();
        followUpTopic.awaitFactsAbout(patient, facts -> facts.size() == 1);
        enrolment.publish(new EnrolmentCorrected(UUID.fromString(patient), UUID.randomUUID().toString(),
                SURGERY.minusDays(7), ResectionMargin.R1, "Liposarcoma", "Operative note"));
        enrolment.publish(new ConsentWithdrawn(UUID.fromString(patient), SURGERY.plusMonths(4), "Moved abroad"));

        List<ConsumerRecord<String, byte[]>> facts = followUpTopic.awaitFactsAbout(patient, f -> f.size() == 3);
        assertThat(facts).extracting(FollowUpScenarios::type).containsExactly("follow-up.VisitsScheduled",
                "follow-up.VisitsScheduled", "follow-up.FollowUpStopped");
        assertThat(ServiceApp.JSON.readTree(facts.get(1).value()).path("surgeryDate").asText())
                .isEqualTo(SURGERY.minusDays(7).toString());
        ServiceApp.Response afterWithdrawal = app.post(path(patient, "assessments"),
                assessment(SURGERY.plusMonths(6), false, 2), nurse, null);
        assertThat(afterWithdrawal.isProblem(422, "assessedOn")).as(afterWithdrawal.toString()).isTrue();
    }

    @Test
    void badInputIsRefusedWithAProblemNamingTheFieldAndNothingIsWritten() throws Exception {
        String patient = enrol();
        followUpTopic.awaitFactsAbout(patient, facts -> facts.size() == 1);
        Map<String, Object> noModality = new HashMap<>(assessment(SURGERY.plusMonths(3), false, 1));
        noModality.remove("modality");
        assertThat(app.post(path(patient, "assessments"), noModality, nurse, null).isProblem(400, "modality"))
                .isTrue();
        LocalDate tomorrowAtTheSite = SiteCalendar.today().plusDays(1);
        assertThat(app.post(path(patient, "assessments"), assessment(tomorrowAtTheSite, false, null),
                nurse, null).isProblem(422, "assessedOn")).isTrue();
        assertThat(app.post(path(patient, "assessments"), assessment(SURGERY.minusDays(1), false, null),
                nurse, null).isProblem(422, "assessedOn")).isTrue();
        assertThat(app.post(path(patient, "assessments"), assessment(SURGERY.plusMonths(3), false, 40),
                nurse, null).isProblem(422, "visit")).isTrue();
        assertThat(app.post(path(patient, "death"), Map.of("diedOn", SURGERY.plusMonths(2).toString()),
                investigator, null).isProblem(400, "cause")).isTrue();
        assertThat(app.post(path(UUID.randomUUID().toString(), "contacts"), Map.of("on", LocalDate.now().toString()),
                nurse, null).isProblem(404, "patientId")).isTrue();
        // Nothing but the schedule was written.
        assertThat(followUpTopic.factsAbout(patient)).hasSize(1);
    }

    @Test
    void everyDocumentedOperationHonoursThePermissionMatrix() throws Exception {
        String patient = enrol();
        followUpTopic.awaitFactsAbout(patient, facts -> facts.size() == 1);
        SecurityMatrixCheck check = new SecurityMatrixCheck(app.baseUrl(), issuer, SecurityConfig.PERMISSIONS,
                permission -> validBody(permission.path()), Map.of("patientId", patient));
        check.everyDocumentedOperationIsInTheMatrix();
        check.anonymousCallsAreRefusedWith401();
        check.rolesWithoutTheRightAreRefusedWith403();
        check.staffOfAnotherSiteFindNoPatient();
        check.untrustworthyTokensAreRefusedWith401();
    }

    private static String validBody(String path) {
        String onThirdMonth = SURGERY.plusMonths(3).toString();
        String assessment = "\"assessedOn\":\"" + onThirdMonth
                + "\",\"modality\":\"CT\",\"localRecurrence\":false,\"distantMetastasis\":false,\"visit\":1";
        if (path.endsWith("/assessments")) {
            return "{" + assessment + "}";
        }
        if (path.endsWith("/corrections")) {
            return "{" + assessment + ",\"correctedEventId\":\"x\",\"reason\":\"Central review\"}";
        }
        if (path.endsWith("/contacts")) {
            return "{\"on\":\"" + onThirdMonth + "\"}";
        }
        if (path.endsWith("/death")) {
            return "{\"diedOn\":\"" + onThirdMonth + "\",\"cause\":\"Sepsis\"}";
        }
        return "{\"lastKnownAliveOn\":\"" + onThirdMonth + "\",\"reason\":\"No answer\"}";
    }

    private String enrol() {
        UUID patient = UUID.randomUUID();
        enrolment.publish(new PatientEnrolled(patient, 1, "S-" + patient.toString().substring(0, 6),
                SecurityMatrixCheck.HOME_SITE, SURGERY.plusDays(10), SURGERY, ResectionMargin.R1, "Liposarcoma"));
        return patient.toString();
    }

    private static String path(String patient, String what) {
        return "/patients/" + patient + "/follow-up/" + what;
    }

    private static Map<String, Object> assessment(LocalDate on, boolean localRecurrence, Integer visit) {
        Map<String, Object> body = new HashMap<>(Map.of("assessedOn", on.toString(), "modality", "MRI",
                "localRecurrence", localRecurrence, "distantMetastasis", false));
        if (visit != null) {
            body.put("visit", visit);
        }
        return body;
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        return TopicRecords.headers(record).eventType();
    }
}
