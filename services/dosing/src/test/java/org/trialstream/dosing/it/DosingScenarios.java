package org.trialstream.dosing.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.trialstream.dosing.DosingApplication;
import org.trialstream.dosing.config.SecurityConfig;
import org.trialstream.kernel.audit.AuditMetadata;
import org.trialstream.kernel.audit.FactChain;
import org.trialstream.kernel.contract.BoundedContext;
import org.trialstream.kernel.contract.ContractRecordHeaders;
import org.trialstream.kernel.contract.enrolment.ConsentWithdrawn;
import org.trialstream.kernel.contract.enrolment.PatientEnrolled;
import org.trialstream.kernel.contract.safety.DoseDecisionWarranted;
import org.trialstream.kernel.patient.ResectionMargin;
import org.trialstream.kernel.security.Role;
import org.trialstream.localstack.infra.Infrastructure;
import org.trialstream.localstack.token.DevTokenIssuer;
import org.trialstream.support.testing.ContractPublisher;
import org.trialstream.support.testing.InboundLedger;
import org.trialstream.support.testing.ProjectionsService;
import org.trialstream.support.testing.SecurityMatrixCheck;
import org.trialstream.support.testing.ServiceApp;
import org.trialstream.support.testing.SiteCalendar;
import org.trialstream.support.testing.TopicRecords;
import org.trialstream.support.testing.Topics;

/**
 * The dosing service on the real broker and PostgreSQL: enrolment, safety and consent facts (published as those
 * contexts publish them) plan, question and end the course; what the pharmacy records reaches the topic as contract
 * facts, and the projections service (run from its jar) turns them into the exposure view.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DosingScenarios {

    private static final LocalDate TODAY = SiteCalendar.today();
    /** Surgery 70 days ago: the first dose (day 21) is 49 days ago, so cycles 1 to 3 have begun. */
    private static final LocalDate SURGERY = TODAY.minusDays(70);
    private static final LocalDate FIRST_DOSE = SURGERY.plusDays(21);

    private final DevTokenIssuer issuer = DevTokenIssuer.generate();
    private final Infrastructure infrastructure;
    private final Path publicKey;
    private final ContractPublisher publisher;
    private final Infrastructure.Database database;
    private final ServiceApp app;
    private final TopicRecords dosingTopic;
    private final String pharmacist = issuer.token(Role.PHARMACIST.name()).site(SecurityMatrixCheck.HOME_SITE)
            .subject("pharm-1").name("Pharmacist One").sign();
    private final String otherPharmacist = issuer.token(Role.PHARMACIST.name()).site(SecurityMatrixCheck.HOME_SITE)
            .subject("pharm-2").name("Pharmacist Two").sign();
    private final String investigator = issuer.token(Role.INVESTIGATOR.name()).site(SecurityMatrixCheck.HOME_SITE)
            .subject("investigator-1").name("Dr Investigator").sign();

    DosingScenarios(Infrastructure infrastructure, String databaseName) {
        this.infrastructure = infrastructure;
        Topics.ensure(infrastructure.kafkaBootstrapServers(), 3, BoundedContext.ENROLMENT.topic(),
                BoundedContext.SAFETY.topic(), BoundedContext.FOLLOW_UP.topic());
        this.publicKey = issuer.writePublicKey(Path.of("target", databaseName + "-issuer.pub.pem").toAbsolutePath());
        this.publisher = new ContractPublisher(infrastructure.kafkaBootstrapServers());
        this.database = infrastructure.freshDatabase(databaseName);
        this.app = ServiceApp.start(DosingApplication.class, Map.of(
                "trial.security.public-key", publicKey.toString(),
                "spring.datasource.url", database.jdbcUrl(),
                "spring.datasource.username", database.user(),
                "spring.datasource.password", database.password(),
                "axon.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers()));
        this.dosingTopic = new TopicRecords(infrastructure.kafkaBootstrapServers(), BoundedContext.DOSING.topic());
    }

    @AfterAll
    void stop() {
        app.close();
        publisher.close();
    }

    @Test
    void enrolmentPlansTheCourseOnTheTopic() throws Exception {
        String patient = enrol();
        List<ConsumerRecord<String, byte[]>> facts = dosingTopic.awaitFactsAbout(patient, f -> f.size() == 1);
        assertThat(type(facts.get(0))).isEqualTo("dosing.CoursePlanned");
        JsonNode plan = ServiceApp.JSON.readTree(facts.get(0).value());
        assertThat(plan.path("firstDoseFrom").asText()).isEqualTo(SURGERY.plusDays(21).toString());
        assertThat(plan.path("firstDoseTo").asText()).isEqualTo(SURGERY.plusDays(28).toString());
        assertThat(TopicRecords.headers(facts.get(0)).metadata())
                .containsEntry(AuditMetadata.ACTOR_SUBJECT, "system:dosing");
    }

    @Test
    void aSafetyFactRaisesADoseDecisionThatBlocksDispensingUntilItIsMade() throws Exception {
        String patient = enrolAndDose();
        UUID adverseEvent = UUID.randomUUID();
        InboundLedger.awaitReactedTo(database, publisher.publish(warranted(patient, adverseEvent)));
        List<ConsumerRecord<String, byte[]>> facts = dosingTopic.awaitFactsAbout(patient,
                f -> f.stream().anyMatch(fact -> type(fact).equals("dosing.DoseDecisionRequired")));
        String decisionId = ServiceApp.JSON.readTree(facts.get(facts.size() - 1).value()).path("decisionId").asText();

        ServiceApp.Response refused = app.post(course(patient) + "/dispensings", dispensing(2, 12), pharmacist);
        assertThat(refused.isProblem(409, "decisionId")).as(refused.toString()).isTrue();
        assertThat(refused.body().toString()).contains("resolve it before dispensing");

        ServiceApp.Response decided = app.post(course(patient) + "/dose-decisions/" + decisionId,
                Map.of("decision", "REDUCE", "reason", "Grade 3 diarrhoea despite loperamide",
                        "on", TODAY.minusDays(1).toString()), investigator);
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        assertThat(app.post(course(patient) + "/dispensings", dispensing(3, 10), pharmacist).status())
                .isEqualTo(201);
        assertThat(dosingTopic.awaitFactsAbout(patient, f -> f.size() == 6)).extracting(DosingScenarios::type)
                .endsWith("dosing.DoseDecisionRequired", "dosing.DoseDecisionResolved", "dosing.DoseReduced",
                        "dosing.AnlotinibDispensed");
    }

    @Test
    void aWithdrawalOfConsentEndsTheCourse() throws Exception {
        String patient = enrolAndDose();
        InboundLedger.awaitReactedTo(database, publisher.publish(new ConsentWithdrawn(UUID.fromString(patient),
                TODAY.minusDays(2), "Moved abroad")));
        List<ConsumerRecord<String, byte[]>> facts = dosingTopic.awaitFactsAbout(patient,
                f -> f.stream().anyMatch(fact -> type(fact).equals("dosing.AnlotinibDiscontinued")));
        JsonNode ended = ServiceApp.JSON.readTree(facts.get(facts.size() - 1).value());
        assertThat(ended.path("reason").asText()).isEqualTo("CONSENT_WITHDRAWN");
        ServiceApp.Response refused = app.post(course(patient) + "/dispensings", dispensing(3, 12), pharmacist);
        assertThat(refused.isProblem(409, "dispensedOn")).as(refused.toString()).isTrue();
    }

    @Test
    void twoPharmacistsReducingAtOnceGiveOneReductionAndOneConflict() throws Exception {
        String patient = enrolAndDose();
        UUID adverseEvent = UUID.randomUUID();
        InboundLedger.awaitReactedTo(database, publisher.publish(warranted(patient, adverseEvent)));
        Map<String, Object> reduction = Map.of("effectiveOn", TODAY.toString(), "toMg", 10,
                "adverseEventId", adverseEvent.toString(), "reason", "Grade 3 hypertension");
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<ServiceApp.Response>> calls = new ArrayList<>();
        for (String token : List.of(pharmacist, otherPharmacist)) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return app.post(course(patient) + "/dose-reductions", reduction, token);
            }));
        }
        List<Integer> statuses = calls.stream().map(CompletableFuture::join).map(ServiceApp.Response::status)
                .sorted().toList();
        assertThat(statuses).containsExactly(201, 409);
        await().atMost(Duration.ofSeconds(30)).until(() -> dosingTopic.factsAbout(patient).stream()
                .anyMatch(fact -> type(fact).equals("dosing.DoseReduced")));
        assertThat(dosingTopic.factsAbout(patient)).filteredOn(fact -> type(fact).equals("dosing.DoseReduced"))
                .hasSize(1);
    }

    @Test
    void aCorrectedDispensingNamesTheFactItReplacesAndTheReason() throws Exception {
        String patient = enrolAndDose();
        Map<String, Object> typo = dispensing(1, 12);
        typo.put("tablets", 41);
        assertThat(app.post(course(patient) + "/dispensings", typo, pharmacist).status()).isEqualTo(201);
        List<ConsumerRecord<String, byte[]>> facts = dosingTopic.awaitFactsAbout(patient, f -> f.size() == 3);
        String typoId = TopicRecords.headers(facts.get(2)).eventId();

        Map<String, Object> correction = dispensing(1, 12);
        correction.putAll(Map.of("correctedEventId", typoId, "reason", "Digits transposed"));
        ServiceApp.Response corrected = app.post(course(patient) + "/dispensings/corrections", correction,
                pharmacist);
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        JsonNode fact = ServiceApp.JSON.readTree(dosingTopic.awaitFactsAbout(patient, f -> f.size() == 4).get(3)
                .value());
        assertThat(fact.path("correctedEventId").asText()).isEqualTo(typoId);
        assertThat(fact.path("tablets").asInt()).isEqualTo(14);
        assertThat(fact.path("reason").asText()).isEqualTo("Digits transposed");
        ServiceApp.Response again = app.post(course(patient) + "/dispensings/corrections", correction, pharmacist);
        assertThat(again.isProblem(404, "correctedEventId")).as("the typo was replaced: " + again).isTrue();
    }

    @Test
    void badInputIsRefusedWithAProblemNamingTheFieldAndNothingIsWritten() throws Exception {
        String patient = enrol();
        dosingTopic.awaitFactsAbout(patient, f -> f.size() == 1);
        assertThat(app.post(course(patient) + "/first-dose", Map.of("takenOn", SURGERY.plusDays(20).toString(),
                "doseMg", 12), pharmacist).isProblem(422, "takenOn")).isTrue();
        assertThat(app.post(course(patient) + "/first-dose", Map.of("takenOn", FIRST_DOSE.toString(),
                "doseMg", 10), pharmacist).isProblem(422, "doseMg")).isTrue();
        assertThat(app.post(course(patient) + "/first-dose", Map.of("takenOn", "yesterday", "doseMg", 12),
                pharmacist).status()).isEqualTo(400);
        assertThat(app.post(course(patient) + "/first-dose", Map.of("doseMg", 12), pharmacist)
                .isProblem(400, "takenOn")).isTrue();
        assertThat(app.post(course(patient) + "/first-dose", Map.of("takenOn", SURGERY.plusDays(31).toString(),
                "doseMg", 12, "deviation", Map.of("reason", " ")), pharmacist)
                .isProblem(400, "deviation.reason")).isTrue();
        assertThat(app.post(course(patient) + "/dispensings", dispensing(5, 12), pharmacist)
                .isProblem(422, "cycle")).isTrue();
        assertThat(app.post(course(patient) + "/dose-reductions", Map.of("effectiveOn", TODAY.toString(),
                "toMg", 10, "adverseEventId", UUID.randomUUID().toString(), "reason", "tired"), pharmacist)
                .isProblem(409, "effectiveOn")).isTrue();
        assertThat(app.post(course(patient) + "/discontinuation", Map.of("on", TODAY.toString(),
                "reason", "BORED"), investigator).status()).isEqualTo(400);
        assertThat(app.post(course(patient) + "/dose-decisions/" + UUID.randomUUID(), Map.of("decision", "CONTINUE",
                "reason", "fine"), investigator).isProblem(404, "decisionId")).isTrue();
        assertThat(app.post(course(UUID.randomUUID().toString()) + "/first-dose", Map.of("takenOn",
                FIRST_DOSE.toString(), "doseMg", 12), pharmacist).isProblem(404, "patientId")).isTrue();
        assertThat(dosingTopic.factsAbout(patient)).extracting(DosingScenarios::type)
                .containsExactly("dosing.CoursePlanned");
    }

    @Test
    void everyDocumentedOperationHonoursThePermissionMatrix() throws Exception {
        String patient = enrolAndDose();
        UUID adverseEvent = UUID.randomUUID();
        InboundLedger.awaitReactedTo(database, publisher.publish(warranted(patient, adverseEvent)));
        List<ConsumerRecord<String, byte[]>> facts = dosingTopic.awaitFactsAbout(patient,
                f -> f.stream().anyMatch(fact -> type(fact).equals("dosing.DoseDecisionRequired")));
        String decisionId = ServiceApp.JSON.readTree(facts.get(facts.size() - 1).value()).path("decisionId").asText();
        SecurityMatrixCheck check = new SecurityMatrixCheck(app.baseUrl(), issuer, SecurityConfig.PERMISSIONS,
                permission -> validBody(permission.path(), adverseEvent),
                Map.of("patientId", patient, "decisionId", decisionId));
        check.everyDocumentedOperationIsInTheMatrix();
        check.anonymousCallsAreRefusedWith401();
        check.rolesWithoutTheRightAreRefusedWith403();
        check.staffOfAnotherSiteFindNoPatient();
        check.untrustworthyTokensAreRefusedWith401();
    }

    /**
     * A course of three cycles recorded as the pharmacy would, then read as the exposure view of the projections
     * service; a rebuild of the view from offset 0 answers the same.
     */
    @Test
    void theExposureViewShowsTheCourseAndRebuildsIdentically() throws Exception {
        String patient = enrolAndDose();
        assertThat(app.post(course(patient) + "/dispensings", dispensing(1, 12), pharmacist).status())
                .isEqualTo(201);
        List<Map<String, Object>> days = new ArrayList<>();
        for (int day = 0; day < 14; day++) {
            days.add(day == 6 ? Map.of("date", FIRST_DOSE.plusDays(day).toString(), "taken", false)
                    : Map.of("date", FIRST_DOSE.plusDays(day).toString(), "taken", true, "doseMg", 12));
        }
        ServiceApp.Response diary = app.post(course(patient) + "/diary", Map.of("cycle", 1, "days", days),
                pharmacist);
        assertThat(diary.status()).as(diary.toString()).isEqualTo(201);
        assertThat(app.post(course(patient) + "/returns", Map.of("returnedOn", FIRST_DOSE.plusDays(21).toString(),
                "cycle", 1, "tablets", 0), pharmacist).status()).isEqualTo(201);
        dosingTopic.awaitFactsAbout(patient, f -> f.stream()
                .anyMatch(fact -> type(fact).equals("dosing.DosingFindingRaised")));

        try (ProjectionsService projections = ProjectionsService.start(infrastructure, publicKey,
                getClass().getSimpleName().toLowerCase() + "_exposure")) {
            String exposure = "/exposure/patients/" + patient;
            JsonNode view = await().atMost(Duration.ofSeconds(60)).until(() -> projections.read(exposure, pharmacist),
                    body -> body.path("findings").size() == 1);
            assertThat(view.path("status").asText()).isEqualTo("ONGOING");
            assertThat(view.path("currentDoseMg").asInt()).isEqualTo(12);
            assertThat(view.path("cumulativeMg").asInt()).as("13 days at 12 mg").isEqualTo(156);
            assertThat(view.path("relativeDoseIntensity").decimalValue())
                    .as("156 of 12 mg x 14 days x 4 cycles").isEqualByComparingTo("0.2321");
            JsonNode cycle = view.path("cycles").get(0);
            assertThat(cycle.path("relativeDoseIntensity").decimalValue()).isEqualByComparingTo("0.9286");
            assertThat(cycle.path("reconciled").asBoolean()).as("14 dispensed, 0 returned, 13 taken").isFalse();
            assertThat(view.path("cyclesCompleted").asInt()).isEqualTo(1);
            assertThat(view.path("findings").get(0).path("detail").asText())
                    .isEqualTo("cycle 1: 14 dispensed - 0 returned = 14, but the diary has 13 taken");

            projections.rebuild("patient-facts", issuer.token(Role.ADMINISTRATOR.name()).subject("admin-1").sign());
            assertThat(projections.read(exposure, pharmacist)).isEqualTo(view);
        }
    }

    /**
     * Every fact the service appends is chained to the one before it: the chain holds on the topic, and a copy with
     * one byte changed, or without one fact, is pinpointed at the first link that does not hold; so is a row of the
     * event store changed by a privileged UPDATE.
     */
    @Test
    void theFactChainHoldsAndPinpointsAChangedByteAndARemovedFact() throws Exception {
        String patient = enrolAndDose();
        assertThat(app.post(course(patient) + "/dispensings", dispensing(1, 12), pharmacist).status())
                .isEqualTo(201);
        List<ConsumerRecord<String, byte[]>> facts = dosingTopic.awaitFactsAbout(patient, f -> f.size() == 3);
        String altered = "trial.test.altered-" + UUID.randomUUID();
        String shortened = "trial.test.shortened-" + UUID.randomUUID();
        Topics.ensure(infrastructure.kafkaBootstrapServers(), 1, altered, shortened);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (int i = 0; i < facts.size(); i++) {
                ConsumerRecord<String, byte[]> fact = facts.get(i);
                byte[] value = fact.value().clone();
                if (i == 2) {
                    int tablets = new String(value, StandardCharsets.UTF_8).indexOf("\"tablets\":14");
                    assertThat(tablets).as("the dispensing's JSON").isNotNegative();
                    value[tablets + "\"tablets\":1".length()] = '5';
                }
                producer.send(new ProducerRecord<>(altered, null, fact.key(), value, fact.headers())).get();
                if (i != 1) {
                    producer.send(new ProducerRecord<>(shortened, null, fact.key(), fact.value(), fact.headers()))
                            .get();
                }
            }
        }
        String monitor = issuer.token(Role.MONITOR.name()).subject("monitor-1").sign();
        try (ProjectionsService projections = ProjectionsService.start(infrastructure, publicKey,
                getClass().getSimpleName().toLowerCase() + "_chain")) {
            JsonNode intact = projections.read("/audit/verify?patientId=" + patient + "&topic="
                    + BoundedContext.DOSING.topic(), monitor);
            assertThat(intact.path("facts").asInt()).as(intact.toString()).isEqualTo(3);
            assertThat(intact.path("chains").asInt()).isEqualTo(1);
            assertThat(intact.path("unchained").asInt()).isZero();
            assertThat(intact.path("broken").isNull()).as(intact.toString()).isTrue();

            JsonNode changedByte = projections.read("/audit/verify?topic=" + altered, monitor).path("broken");
            assertThat(changedByte.path("offset").asLong()).as(changedByte.toString()).isEqualTo(2);
            assertThat(changedByte.path("topic").asText()).isEqualTo(altered);
            assertThat(changedByte.path("reason").asText()).contains("does not match its hash");

            JsonNode removed = projections.read("/audit/verify?topic=" + shortened, monitor).path("broken");
            assertThat(removed.path("offset").asLong()).as(removed.toString()).isEqualTo(1);
            assertThat(removed.path("eventId").asText()).isEqualTo(TopicRecords.headers(facts.get(2)).eventId());
            assertThat(removed.path("reason").asText()).contains("missing");
        }

        JsonNode storeBefore = app.get("/audit/store-chain", monitor).body();
        assertThat(storeBefore.path("chain").path("broken").isNull()).as(storeBefore.toString()).isTrue();
        assertThat(storeBefore.path("topic").path("stored").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(storeBefore.path("topic").path("first").isNull()).as(storeBefore.toString()).isTrue();

        long forgedOffset = forgeAChainedFactOnTheDosingTopic(facts.get(0));
        JsonNode forged = app.get("/audit/store-chain", monitor).body().path("topic").path("first");
        assertThat(forged.path("offset").asLong()).as(forged.toString()).isEqualTo(forgedOffset);
        assertThat(forged.path("storeIndex").asLong()).isEqualTo(-1);
        assertThat(forged.path("reason").asText()).contains("not in the service's event store");

        String dispensingId = TopicRecords.headers(facts.get(2)).eventId();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                database.password());
             PreparedStatement update = connection.prepareStatement("UPDATE domain_event_entry SET payload = "
                     + "convert_to(replace(convert_from(payload, 'UTF8'), '\"tablets\":14', '\"tablets\":41'), "
                     + "'UTF8') WHERE event_identifier = ?")) {
            update.setString(1, dispensingId);
            assertThat(update.executeUpdate()).as("a privileged UPDATE of the stored row").isEqualTo(1);
        }
        JsonNode storeAfter = app.get("/audit/store-chain", monitor).body().path("chain").path("broken");
        assertThat(storeAfter.path("eventId").asText()).as(storeAfter.toString()).isEqualTo(dispensingId);
        assertThat(storeAfter.path("topic").asText()).isEqualTo("store:dosing");
        assertThat(storeAfter.path("reason").asText()).contains("does not match its hash");
    }

    /**
     * A fact no dosing service ever stored, written straight to the dosing topic with a chain of its own that holds:
     * only the comparison with the event store can tell it apart.
     */
    private long forgeAChainedFactOnTheDosingTopic(ConsumerRecord<String, byte[]> model) throws Exception {
        ContractRecordHeaders original = TopicRecords.headers(model);
        String forgedPatient = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        Map<String, String> metadata = new HashMap<>(original.metadata());
        metadata.put(FactChain.CHAIN_ID, forgedPatient);
        metadata.put(FactChain.PREVIOUS, FactChain.GENESIS);
        metadata.put(FactChain.HASH, FactChain.hash(FactChain.GENESIS, original.eventType(), original.eventVersion(),
                eventId, ServiceApp.JSON.readValue(model.value(), Object.class), metadata));
        ContractRecordHeaders headers = new ContractRecordHeaders(original.eventType(), original.eventVersion(),
                eventId, original.timestamp(), null, metadata);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(BoundedContext.DOSING.topic(), forgedPatient,
                model.value());
        headers.toHeaders().forEach((key, value) -> record.headers().add(key, value));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            return producer.send(record).get().offset();
        }
    }

    /**
     * The auditor's history: every fact of the patient in recorded order with who, when and why, a reaction linked to
     * the fact that caused it, a correction beside the fact it corrects with the fields it changed; and, as of an
     * instant before the correction, the history as it stood then.
     */
    @Test
    void anAuditorReplaysThePatientsHistoryAsItStoodBeforeACorrection() throws Exception {
        String patient = enrolAndDose();
        Map<String, Object> typo = dispensing(1, 12);
        typo.put("tablets", 41);
        assertThat(app.post(course(patient) + "/dispensings", typo, pharmacist).status()).isEqualTo(201);
        ConsumerRecord<String, byte[]> typoRecord = dosingTopic.awaitFactsAbout(patient, f -> f.size() == 3).get(2);
        String typoId = TopicRecords.headers(typoRecord).eventId();
        Map<String, Object> correction = dispensing(1, 12);
        correction.putAll(Map.of("correctedEventId", typoId, "reason", "Digits transposed"));
        assertThat(app.post(course(patient) + "/dispensings/corrections", correction, pharmacist).status())
                .isEqualTo(200);
        dosingTopic.awaitFactsAbout(patient, f -> f.size() == 4);

        String monitor = issuer.token(Role.MONITOR.name()).subject("monitor-1").name("Ms Audit").sign();
        try (ProjectionsService projections = ProjectionsService.start(infrastructure, publicKey,
                getClass().getSimpleName().toLowerCase() + "_history")) {
            String path = "/audit/patients/" + patient + "/history";
            JsonNode history = await().atMost(Duration.ofSeconds(60)).until(() -> projections.read(path, monitor),
                    body -> body.path("facts").size() == 5);
            assertThat(history.path("facts").findValuesAsText("type")).containsExactly("enrolment.PatientEnrolled",
                    "dosing.CoursePlanned", "dosing.FirstDoseTaken", "dosing.AnlotinibDispensed",
                    "dosing.DispensingCorrected");
            JsonNode enrolled = history.path("facts").get(0);
            JsonNode planned = history.path("facts").get(1);
            assertThat(planned.path("causationId").asText()).as("the reaction names its cause")
                    .isEqualTo(enrolled.path("eventId").asText());
            JsonNode dose = history.path("facts").get(2);
            assertThat(dose.path("actor").path("subject").asText()).isEqualTo("pharm-1");
            assertThat(dose.path("actor").path("role").asText()).isEqualTo("PHARMACIST");
            assertThat(dose.path("clinicalDate").asText()).isEqualTo(FIRST_DOSE.toString());
            assertThat(dose.path("chainHash").asText()).hasSize(64);
            JsonNode corrected = history.path("facts").get(4);
            assertThat(corrected.path("reason").asText()).isEqualTo("Digits transposed");
            assertThat(corrected.path("correction").path("correctedEventIds").get(0).asText()).isEqualTo(typoId);
            assertThat(corrected.path("correction").path("changes").path("tablets").path("from").asInt())
                    .isEqualTo(41);
            assertThat(corrected.path("correction").path("changes").path("tablets").path("to").asInt())
                    .isEqualTo(14);
            assertThat(history.path("state").path("anlotinib").asText()).isEqualTo("ONGOING");
            assertThat(history.path("state").path("enrolment").asText()).isEqualTo("ENROLLED");

            String typoRecordedAt = TopicRecords.headers(typoRecord).timestamp().toString();
            JsonNode then = projections.read(path + "?asOf=" + typoRecordedAt, monitor);
            assertThat(then.path("facts").findValuesAsText("type")).as("before the correction")
                    .endsWith("dosing.AnlotinibDispensed");
            assertThat(then.path("facts").get(3).path("payload").path("tablets").asInt()).isEqualTo(41);

            String elsewhere = issuer.token(Role.PHARMACIST.name()).site(SecurityMatrixCheck.OTHER_SITE).sign();
            assertThat(projections.read(path, elsewhere).path("status").asInt()).isEqualTo(404);
            assertThat(projections.read(path + "?asOf=yesterday", monitor).path("status").asInt()).isEqualTo(400);

            String casebook = projections.readText("/audit/patients/" + patient + "/casebook", monitor);
            assertThat(casebook)
                    .contains("Intact: 5 facts in 1 chain(s) checked, 1 written before the chain existed")
                    .contains("Digits transposed").contains("tablets: 41 &rarr; 14")
                    .contains("dosing.DispensingCorrected");
            String period = "?from=" + TopicRecords.headers(dosingTopic.factsAbout(patient).get(0)).timestamp()
                    + "&to=" + Instant.now().plusSeconds(1);
            String lines = projections.readText("/audit/export" + period, monitor);
            assertThat(lines.lines().filter(line -> line.contains(patient))).hasSize(4);
            String csv = projections.readText("/audit/export" + period + "&format=csv", monitor);
            assertThat(csv.lines().findFirst()).hasValueSatisfying(header -> assertThat(header)
                    .startsWith("eventId,patientId,type,version,recordedAt"));
            assertThat(projections.read("/audit/export?from=2026-01-01", monitor).path("status").asInt())
                    .isEqualTo(400);
            JsonNode reads = projections.read("/audit/access-log?patientId=" + patient, monitor);
            assertThat(reads.findValuesAsText("endpoint")).contains("GET /audit/patients/{patientId}/history",
                    "GET /audit/patients/{patientId}/casebook", "GET /audit/export");
        }
    }

    private static String validBody(String path, UUID adverseEvent) {
        String today = TODAY.toString();
        if (path.endsWith("/first-dose")) {
            return "{\"takenOn\":\"" + FIRST_DOSE + "\",\"doseMg\":12}";
        }
        if (path.endsWith("/dispensings")) {
            return "{\"dispensedOn\":\"" + today + "\",\"cycle\":3,\"tablets\":14,\"strengthMg\":12,\"lot\":\"AN-1\"}";
        }
        if (path.endsWith("/dispensings/corrections")) {
            return "{\"correctedEventId\":\"x\",\"dispensedOn\":\"" + today + "\",\"cycle\":1,\"tablets\":14,"
                    + "\"strengthMg\":12,\"lot\":\"AN-1\",\"reason\":\"typo\"}";
        }
        if (path.endsWith("/returns/corrections")) {
            return "{\"correctedEventId\":\"x\",\"returnedOn\":\"" + today + "\",\"cycle\":1,\"tablets\":0,"
                    + "\"reason\":\"typo\"}";
        }
        if (path.endsWith("/returns")) {
            return "{\"returnedOn\":\"" + today + "\",\"cycle\":1,\"tablets\":1}";
        }
        if (path.endsWith("/diary")) {
            return "{\"cycle\":1,\"days\":[{\"date\":\"" + FIRST_DOSE + "\",\"taken\":true,\"doseMg\":12}]}";
        }
        if (path.endsWith("/dose-reductions")) {
            return "{\"effectiveOn\":\"" + today + "\",\"toMg\":10,\"adverseEventId\":\"" + adverseEvent
                    + "\",\"reason\":\"grade 3\"}";
        }
        if (path.endsWith("/interruptions")) {
            return "{\"from\":\"" + today + "\",\"reason\":\"wound\"}";
        }
        if (path.endsWith("/resumptions")) {
            return "{\"on\":\"" + today + "\"}";
        }
        if (path.endsWith("/discontinuation")) {
            return "{\"on\":\"" + today + "\",\"reason\":\"PROGRESSION\"}";
        }
        return path.contains("/dose-decisions/") ? "{\"decision\":\"CONTINUE\",\"reason\":\"tolerable\"}" : null;
    }

    /** An enrolled patient of the home site, whose course is planned; returns the patient id. */
    private String enrol() {
        UUID patient = UUID.randomUUID();
        InboundLedger.awaitReactedTo(database, publisher.publish(new PatientEnrolled(patient, 1,
                "S-" + patient.toString().substring(0, 6), SecurityMatrixCheck.HOME_SITE, SURGERY.plusDays(10),
                SURGERY, ResectionMargin.R1, "Liposarcoma")));
        return patient.toString();
    }

    /** An enrolled patient who took the first dose on study day 21. */
    private String enrolAndDose() {
        String patient = enrol();
        ServiceApp.Response dosed = app.post(course(patient) + "/first-dose",
                Map.of("takenOn", FIRST_DOSE.toString(), "doseMg", 12), pharmacist);
        assertThat(dosed.status()).as(dosed.toString()).isEqualTo(200);
        return patient;
    }

    private static DoseDecisionWarranted warranted(String patient, UUID adverseEvent) {
        return new DoseDecisionWarranted(UUID.fromString(patient), adverseEvent, SecurityMatrixCheck.HOME_SITE,
                "Hypertension", 3, false, TODAY.minusDays(3));
    }

    /** Cycle {@code cycle}'s capsules, dispensed on its first day. */
    private static Map<String, Object> dispensing(int cycle, int strengthMg) {
        LocalDate on = FIRST_DOSE.plusDays(21L * (Math.min(cycle, 3) - 1));
        return new HashMap<>(Map.of("dispensedOn", on.toString(), "cycle", cycle, "tablets", 14,
                "strengthMg", strengthMg, "lot", "AN2603-117"));
    }

    private static String course(String patient) {
        return "/patients/" + patient + "/anlotinib";
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        return TopicRecords.headers(record).eventType();
    }
}
