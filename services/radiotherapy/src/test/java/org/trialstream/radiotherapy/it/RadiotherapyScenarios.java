package org.trialstream.radiotherapy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.trialstream.kernel.audit.AuditMetadata;
import org.trialstream.kernel.contract.BoundedContext;
import org.trialstream.kernel.contract.enrolment.EnrolmentCorrected;
import org.trialstream.kernel.contract.enrolment.PatientEnrolled;
import org.trialstream.kernel.patient.ResectionMargin;
import org.trialstream.kernel.security.Role;
import org.trialstream.localstack.infra.Infrastructure;
import org.trialstream.localstack.token.DevTokenIssuer;
import org.trialstream.radiotherapy.RadiotherapyApplication;
import org.trialstream.radiotherapy.config.SecurityConfig;
import org.trialstream.support.testing.ContractPublisher;
import org.trialstream.support.testing.InboundLedger;
import org.trialstream.support.testing.ProjectionsService;
import org.trialstream.support.testing.SecurityMatrixCheck;
import org.trialstream.support.testing.ServiceApp;
import org.trialstream.support.testing.SiteCalendar;
import org.trialstream.support.testing.TopicRecords;
import org.trialstream.support.testing.Topics;

/**
 * The radiotherapy service on the real broker and PostgreSQL: enrolment facts (published as enrolment publishes
 * them) give the course its margin; what the radiation oncologist records reaches the topic as contract facts, and
 * the projections service (run from its jar) turns them into the compliance view.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RadiotherapyScenarios {

    private static final LocalDate TODAY = SiteCalendar.today();
    private static final LocalDate SURGERY = TODAY.minusDays(120);
    private static final LocalDate PRESCRIBED = SURGERY.plusDays(21);

    private final DevTokenIssuer issuer = DevTokenIssuer.generate();
    private final Infrastructure infrastructure;
    private final Path publicKey;
    private final ContractPublisher publisher;
    private final Infrastructure.Database database;
    private final ServiceApp app;
    private final TopicRecords radiotherapyTopic;
    private final String oncologist = issuer.token(Role.RADIATION_ONCOLOGIST.name())
            .site(SecurityMatrixCheck.HOME_SITE).subject("ro-1").name("Dr Radiation").sign();

    RadiotherapyScenarios(Infrastructure infrastructure, String databaseName) {
        this.infrastructure = infrastructure;
        Topics.ensure(infrastructure.kafkaBootstrapServers(), 3, BoundedContext.ENROLMENT.topic());
        this.publicKey = issuer.writePublicKey(Path.of("target", databaseName + "-issuer.pub.pem").toAbsolutePath());
        this.publisher = new ContractPublisher(infrastructure.kafkaBootstrapServers());
        this.database = infrastructure.freshDatabase(databaseName);
        this.app = ServiceApp.start(RadiotherapyApplication.class, Map.of(
                "trial.security.public-key", publicKey.toString(),
                "spring.datasource.url", database.jdbcUrl(),
                "spring.datasource.username", database.user(),
                "spring.datasource.password", database.password(),
                "axon.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers()));
        this.radiotherapyTopic = new TopicRecords(infrastructure.kafkaBootstrapServers(),
                BoundedContext.RADIOTHERAPY.topic());
    }

    @AfterAll
    void stop() {
        app.close();
        publisher.close();
    }

    /**
     * Enrolment, a prescription for an R1 margin, 25 base and 5 boost fractions on working days, the completion fact
     * on the topic, and the compliance view of the projections service, identical after a rebuild from offset 0.
     */
    @Test
    void aCourseOfTwentyFivePlusFiveFractionsCompletesAndShowsInTheComplianceView() throws Exception {
        String patient = enrol(ResectionMargin.R1);
        prescribe(patient, "10.0", 5);
        List<LocalDate> days = workingDays(PRESCRIBED.plusDays(7), 30);
        for (int i = 0; i < 30; i++) {
            ServiceApp.Response delivered = app.post(course(patient) + "/fractions", Map.of("deliveredOn",
                    days.get(i).toString(), "doseGy", 2.0, "phase", i < 25 ? "BASE" : "BOOST"), oncologist);
            assertThat(delivered.status()).as("fraction %d: %s", i + 1, delivered).isEqualTo(201);
        }
        List<ConsumerRecord<String, byte[]>> facts = radiotherapyTopic.awaitFactsAbout(patient,
                f -> f.stream().anyMatch(fact -> type(fact).equals("radiotherapy.RadiotherapyCompleted")));
        assertThat(facts).extracting(RadiotherapyScenarios::type).filteredOn("radiotherapy.FractionDelivered"::equals)
                .hasSize(30);
        JsonNode completed = ServiceApp.JSON.readTree(facts.get(facts.size() - 1).value());
        assertThat(completed.path("doseCGy").asInt()).isEqualTo(6000);
        assertThat(completed.path("overallTreatmentDays").asInt())
                .isEqualTo(ChronoUnit.DAYS.between(days.get(0), days.get(29)) + 1);
        assertThat(TopicRecords.headers(facts.get(2)).metadata()).containsEntry(AuditMetadata.ACTOR_SUBJECT, "ro-1");

        try (ProjectionsService projections = ProjectionsService.start(infrastructure, publicKey,
                getClass().getSimpleName().toLowerCase() + "_compliance")) {
            String compliance = "/radiotherapy/patients/" + patient;
            JsonNode view = await().atMost(Duration.ofSeconds(60)).until(
                    () -> projections.read(compliance, oncologist),
                    body -> "COMPLETED".equals(body.path("status").asText()));
            assertThat(view.path("base").path("deliveredFractions").asInt()).isEqualTo(25);
            assertThat(view.path("boost").path("deliveredGy").decimalValue()).isEqualByComparingTo("10");
            assertThat(view.path("deliveredGy").decimalValue()).isEqualByComparingTo("60");
            assertThat(view.path("overallTreatmentDays").asInt())
                    .isEqualTo(completed.path("overallTreatmentDays").asInt());
            String statistician = issuer.token(Role.STATISTICIAN.name()).subject("stat-1").sign();
            assertThat(projections.read("/radiotherapy/summary", statistician).path("completed").asInt())
                    .isPositive();

            projections.rebuild("patient-facts", issuer.token(Role.ADMINISTRATOR.name()).subject("admin-1").sign());
            assertThat(projections.read(compliance, oncologist)).isEqualTo(view);
        }
    }

    @Test
    void aMarginCorrectedAfterThePrescriptionIsAFindingThatHoldsTheNextFraction() throws Exception {
        String patient = enrol(ResectionMargin.R0);
        prescribe(patient, "0", 0);
        InboundLedger.awaitReactedTo(database, publisher.publish(new EnrolmentCorrected(UUID.fromString(patient),
                UUID.randomUUID().toString(), SURGERY, ResectionMargin.R1, "Liposarcoma",
                "Pathology addendum: tumour at the inked margin")));
        List<ConsumerRecord<String, byte[]>> facts = radiotherapyTopic.awaitFactsAbout(patient,
                f -> f.stream().anyMatch(fact -> type(fact).equals("radiotherapy.RadiotherapyFindingRaised")));
        assertThat(ServiceApp.JSON.readTree(facts.get(facts.size() - 1).value()).path("finding").asText())
                .isEqualTo("PRESCRIPTION_OUTSIDE_MARGIN_BOUNDS");
        ServiceApp.Response held = app.post(course(patient) + "/fractions", Map.of("deliveredOn",
                PRESCRIBED.plusDays(7).toString(), "doseGy", 2.0, "phase", "BASE"), oncologist);
        assertThat(held.isProblem(409, "phase")).as(held.toString()).isTrue();
        ServiceApp.Response represcribed = app.post(course(patient) + "/prescription", Map.of(
                "prescribedOn", PRESCRIBED.plusDays(1).toString(), "baseDoseGy", 50.0, "baseFractions", 25,
                "boostDoseGy", 10.0, "boostFractions", 5, "reason", "Margin corrected to R1"), oncologist);
        assertThat(represcribed.status()).as(represcribed.toString()).isEqualTo(200);
    }

    @Test
    void badInputIsRefusedWithAProblemNamingTheFieldAndNothingIsWritten() throws Exception {
        String patient = enrol(ResectionMargin.R0);
        Map<String, Object> boostForR0 = Map.of("prescribedOn", PRESCRIBED.toString(), "baseDoseGy", 50.0,
                "baseFractions", 25, "boostDoseGy", 12.0, "boostFractions", 6);
        ServiceApp.Response refused = app.post(course(patient) + "/prescription", boostForR0, oncologist);
        assertThat(refused.isProblem(422, "boostDoseGy")).as(refused.toString()).isTrue();
        assertThat(refused.body().toString()).contains("margin R0").contains("0 Gy");
        assertThat(app.post(course(patient) + "/prescription", Map.of("prescribedOn", PRESCRIBED.toString()),
                oncologist).isProblem(400, "baseDoseGy")).isTrue();
        assertThat(app.post(course(patient) + "/fractions", Map.of("deliveredOn", TODAY.toString(),
                "doseGy", 2.0, "phase", "BASE"), oncologist).isProblem(409, "phase")).isTrue();
        assertThat(app.post(course(patient) + "/fractions", Map.of("deliveredOn", TODAY.toString(),
                "doseGy", 2.0, "phase", "TWICE"), oncologist).status()).isEqualTo(400);
        assertThat(app.post(course(patient) + "/deviations", Map.of("on", TODAY.plusDays(2).toString(),
                "severity", "MINOR", "description", "late"), oncologist).isProblem(422, "on")).isTrue();
        assertThat(app.post(course(UUID.randomUUID().toString()) + "/early-stop", Map.of("on", TODAY.toString(),
                "reason", "none"), oncologist).isProblem(404, "patientId")).isTrue();
        assertThat(radiotherapyTopic.factsAbout(patient)).extracting(RadiotherapyScenarios::type)
                .containsExactly("radiotherapy.RadiotherapyPlanned");
    }

    @Test
    void everyDocumentedOperationHonoursThePermissionMatrix() throws Exception {
        String patient = enrol(ResectionMargin.R1);
        SecurityMatrixCheck check = new SecurityMatrixCheck(app.baseUrl(), issuer, SecurityConfig.PERMISSIONS,
                permission -> validBody(permission.path()), Map.of("patientId", patient));
        check.everyDocumentedOperationIsInTheMatrix();
        check.anonymousCallsAreRefusedWith401();
        check.rolesWithoutTheRightAreRefusedWith403();
        check.staffOfAnotherSiteFindNoPatient();
        check.untrustworthyTokensAreRefusedWith401();
    }

    private static String validBody(String path) {
        String today = TODAY.toString();
        if (path.endsWith("/prescription")) {
            return "{\"prescribedOn\":\"" + PRESCRIBED + "\",\"baseDoseGy\":50,\"baseFractions\":25,"
                    + "\"boostDoseGy\":10,\"boostFractions\":5}";
        }
        if (path.endsWith("/confirmation")) {
            return "{\"on\":\"" + today + "\",\"reason\":\"tumour board\"}";
        }
        if (path.endsWith("/fractions")) {
            return "{\"deliveredOn\":\"" + today + "\",\"doseGy\":2.0,\"phase\":\"BASE\"}";
        }
        if (path.endsWith("/interruptions")) {
            return "{\"from\":\"" + today + "\",\"to\":\"" + today + "\",\"reason\":\"linac down\"}";
        }
        if (path.endsWith("/deviations")) {
            return "{\"on\":\"" + today + "\",\"severity\":\"MINOR\",\"description\":\"set-up error\"}";
        }
        return path.endsWith("/early-stop") ? "{\"on\":\"" + today + "\",\"reason\":\"dermatitis\"}" : null;
    }

    private String enrol(ResectionMargin margin) {
        UUID patient = UUID.randomUUID();
        InboundLedger.awaitReactedTo(database, publisher.publish(new PatientEnrolled(patient, 1,
                "S-" + patient.toString().substring(0, 6), SecurityMatrixCheck.HOME_SITE, SURGERY.plusDays(10),
                SURGERY, margin, "Liposarcoma")));
        return patient.toString();
    }

    private void prescribe(String patient, String boostGy, int boostFractions) {
        ServiceApp.Response prescribed = app.post(course(patient) + "/prescription", Map.of(
                "prescribedOn", PRESCRIBED.toString(), "baseDoseGy", 50.0, "baseFractions", 25,
                "boostDoseGy", Double.parseDouble(boostGy), "boostFractions", boostFractions), oncologist);
        assertThat(prescribed.status()).as(prescribed.toString()).isEqualTo(200);
    }

    private static List<LocalDate> workingDays(LocalDate from, int count) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = from; days.size() < count; day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(day);
            }
        }
        return days;
    }

    private static String course(String patient) {
        return "/patients/" + patient + "/radiotherapy";
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        return TopicRecords.headers(record).eventType();
    }
}
