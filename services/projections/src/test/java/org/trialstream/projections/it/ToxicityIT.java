package org.trialstream.projections.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.trialstream.projections.safety.SafetyFixtures.ANOREXIA;
import static org.trialstream.projections.safety.SafetyFixtures.BRONCHOPULMONARY_HEMORRHAGE;
import static org.trialstream.projections.safety.SafetyFixtures.DERMATITIS_RADIATION;
import static org.trialstream.projections.safety.SafetyFixtures.DIARRHEA;
import static org.trialstream.projections.safety.SafetyFixtures.FATIGUE;
import static org.trialstream.projections.safety.SafetyFixtures.HYPERTENSION;
import static org.trialstream.projections.safety.SafetyFixtures.NAUSEA;
import static org.trialstream.projections.safety.SafetyFixtures.PALMAR_PLANTAR;
import static org.trialstream.projections.safety.SafetyFixtures.PROTEINURIA;
import static org.trialstream.projections.safety.SafetyFixtures.SEPSIS;
import static org.trialstream.projections.safety.SafetyFixtures.VOMITING;
import static org.trialstream.projections.safety.SafetyFixtures.WOUND_COMPLICATION;
import static org.trialstream.projections.safety.SafetyFixtures.corrected;
import static org.trialstream.projections.safety.SafetyFixtures.regraded;
import static org.trialstream.projections.safety.SafetyFixtures.reported;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.trialstream.kernel.contract.BoundedContext;
import org.trialstream.kernel.contract.dosing.AnlotinibDiscontinued;
import org.trialstream.kernel.contract.dosing.DiscontinuationReason;
import org.trialstream.kernel.contract.dosing.DoseReduced;
import org.trialstream.kernel.contract.dosing.FirstDoseTaken;
import org.trialstream.kernel.contract.enrolment.PatientEnrolled;
import org.trialstream.kernel.contract.followup.DeathRecorded;
import org.trialstream.kernel.contract.radiotherapy.FractionDelivered;
import org.trialstream.kernel.contract.radiotherapy.RadiotherapyPhase;
import org.trialstream.kernel.contract.safety.Attribution;
import org.trialstream.kernel.contract.safety.Causality;
import org.trialstream.kernel.contract.safety.ExpeditedReportKind;
import org.trialstream.kernel.contract.safety.ExpeditedReportOverdue;
import org.trialstream.kernel.contract.safety.ExpeditedReportSubmitted;
import org.trialstream.kernel.contract.safety.ReportDeadline;
import org.trialstream.kernel.contract.safety.SeriousAdverseEventReported;
import org.trialstream.kernel.contract.safety.SeriousnessCriterion;
import org.trialstream.kernel.contract.safety.TreatmentEmergenceRejudged;
import org.trialstream.kernel.patient.ResectionMargin;
import org.trialstream.kernel.security.Role;
import org.trialstream.localstack.infra.Infrastructure;
import org.trialstream.localstack.infra.WithInfrastructure;
import org.trialstream.localstack.token.DevTokenIssuer;
import org.trialstream.projections.ProjectionsApplication;
import org.trialstream.projections.config.SecurityConfig;
import org.trialstream.projections.safety.SafetyFixtures.Term;
import org.trialstream.support.security.EndpointPermission;
import org.trialstream.support.testing.ContractPublisher;
import org.trialstream.support.testing.SecurityMatrixCheck;
import org.trialstream.support.testing.ServiceApp;
import org.trialstream.support.testing.Topics;

/**
 * The toxicity tables and listings from contract facts on the real broker and the Mongo-compatible server: the TEAE
 * incidence equal to a hand count of a fixed data set (23 adverse events of 7 patients), the listings, the exports,
 * site staff seeing their own site's rows, and a rebuild that changes no view. Only this class publishes first
 * treatments, so the safety population is its own patients.
 */
@WithInfrastructure(WithInfrastructure.Kind.LOCAL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ToxicityIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CUT = "2026-06-30";
    private static final Instant CORRECTED_AT = Instant.parse("2026-03-10T10:00:00Z");
    private static final List<String> TOPICS = List.of(BoundedContext.ENROLMENT.topic(),
            BoundedContext.FOLLOW_UP.topic(), BoundedContext.SAFETY.topic(), BoundedContext.DOSING.topic(),
            BoundedContext.RADIOTHERAPY.topic());

    /*
     * The hand count at the 2026-06-30 cut. N = 6: P1, P2, P4 and P5 took a first dose, P3 and P6 had a first
     * fraction, all before the cut; P7's first dose is after it. Each patient counts once per row, at the worst grade
     * the row's events reached by the cut. Columns: any grade, grades 1-5, grade >= 3; percentages of 6.
     */
    private static final List<String> TEAE_BY_TERM = List.of(
            // Worst per patient: P1 3 (AE1), P2 3 (AE7), P3 2 (AE10, AE11, AE12), P4 5 (AE16), P5 5 (AE17), P6 3 (AE20)
            "Any TEAE,6 (100.0),0 (0.0),1 (16.7),3 (50.0),0 (0.0),2 (33.3),5 (83.3)",
            // P1 1 (AE2); P2 3 (AE7 went 2, 3, then 1); P5 2 (AE18); P6 1 (AE21)
            "Diarrhea,4 (66.7),2 (33.3),1 (16.7),1 (16.7),0 (0.0),0 (0.0),1 (16.7)",
            // P1 3 (AE1 to 3; AE5 is 1, counted once); P2 2 (AE6's 3 is after the cut); P3 1 (AE13); P4 3 (AE15)
            "Hypertension,4 (66.7),1 (16.7),1 (16.7),2 (33.3),0 (0.0),0 (0.0),2 (33.3)",
            // P3 2 (AE10); P6 3 (AE20)
            "Dermatitis radiation,2 (33.3),0 (0.0),1 (16.7),1 (16.7),0 (0.0),0 (0.0),1 (16.7)",
            // P1 2 (AE3); P3 2 (AE11); P6's AE22 begins after the cut
            "Fatigue,2 (33.3),0 (0.0),2 (33.3),0 (0.0),0 (0.0),0 (0.0),0 (0.0)",
            // P4 1 (AE14, re-judged treatment-emergent)
            "Anorexia,1 (16.7),1 (16.7),0 (0.0),0 (0.0),0 (0.0),0 (0.0),0 (0.0)",
            // P4 5 (AE16 went 3, then 5)
            "Bronchopulmonary hemorrhage,1 (16.7),0 (0.0),0 (0.0),0 (0.0),0 (0.0),1 (16.7),1 (16.7)",
            // P5 1 (AE19); P2's AE8 is before treatment; P3's AE12 was corrected to vomiting
            "Nausea,1 (16.7),1 (16.7),0 (0.0),0 (0.0),0 (0.0),0 (0.0),0 (0.0)",
            // P1 2 (AE4)
            "Palmar-plantar erythrodysesthesia syndrome,1 (16.7),0 (0.0),1 (16.7),0 (0.0),0 (0.0),0 (0.0),0 (0.0)",
            // P2 1 (AE9)
            "Proteinuria,1 (16.7),1 (16.7),0 (0.0),0 (0.0),0 (0.0),0 (0.0),0 (0.0)",
            // P5 5 (AE17)
            "Sepsis,1 (16.7),0 (0.0),0 (0.0),0 (0.0),0 (0.0),1 (16.7),1 (16.7)",
            // P3 2 (AE12 as corrected)
            "Vomiting,1 (16.7),0 (0.0),1 (16.7),0 (0.0),0 (0.0),0 (0.0),0 (0.0)");
    // P7's AE23 (wound complication) is before any treatment, and P7 is not in N: no row.

    private static final List<String> TEAE_BY_SOC = List.of(
            "Any TEAE,6 (100.0),0 (0.0),1 (16.7),3 (50.0),0 (0.0),2 (33.3),5 (83.3)",
            // P1 1 (diarrhoea 1); P2 3 (diarrhoea); P3 2 (vomiting); P5 2 (diarrhoea 2, nausea 1); P6 1 (diarrhoea)
            "Gastrointestinal disorders,5 (83.3),2 (33.3),2 (33.3),1 (16.7),0 (0.0),0 (0.0),1 (16.7)",
            // hypertension, as above
            "Vascular disorders,4 (66.7),1 (16.7),1 (16.7),2 (33.3),0 (0.0),0 (0.0),2 (33.3)",
            // fatigue, as above
            "General disorders and administration site conditions,2 (33.3),0 (0.0),2 (33.3),0 (0.0),0 (0.0),0 (0.0),"
                    + "0 (0.0)",
            // radiation dermatitis: P3 2, P6 3 (P7's wound complication does not count)
            "Injury, poisoning and procedural complications,2 (33.3),0 (0.0),1 (16.7),1 (16.7),0 (0.0),0 (0.0),"
                    + "1 (16.7)",
            "Infections and infestations,1 (16.7),0 (0.0),0 (0.0),0 (0.0),0 (0.0),1 (16.7),1 (16.7)",
            "Metabolism and nutrition disorders,1 (16.7),1 (16.7),0 (0.0),0 (0.0),0 (0.0),0 (0.0),0 (0.0)",
            "Renal and urinary disorders,1 (16.7),1 (16.7),0 (0.0),0 (0.0),0 (0.0),0 (0.0),0 (0.0)",
            "Respiratory, thoracic and mediastinal disorders,1 (16.7),0 (0.0),0 (0.0),0 (0.0),0 (0.0),1 (16.7),"
                    + "1 (16.7)",
            "Skin and subcutaneous tissue disorders,1 (16.7),0 (0.0),1 (16.7),0 (0.0),0 (0.0),0 (0.0),0 (0.0)");

    private final DevTokenIssuer issuer = DevTokenIssuer.generate();
    private final String monitor = issuer.token(Role.MONITOR.name()).subject("monitor-1").sign();
    private final String statistician = issuer.token(Role.STATISTICIAN.name()).subject("stat-1").sign();
    private final String administrator = issuer.token(Role.ADMINISTRATOR.name()).subject("admin-1").sign();
    private final String nurse = issuer.token(Role.RESEARCH_NURSE.name()).site("RJH").subject("nurse-1").sign();
    private final String otherInvestigator = issuer.token(Role.INVESTIGATOR.name()).site("OTH")
            .subject("investigator-9").sign();
    private final Infrastructure infrastructure;
    private final ServiceApp app;
    private final String baseUrl;
    private final ContractPublisher publisher;

    private final UUID p1 = UUID.randomUUID();
    private final UUID p2 = UUID.randomUUID();
    private final UUID p3 = UUID.randomUUID();
    private final UUID p4 = UUID.randomUUID();
    private final UUID p5 = UUID.randomUUID();
    private final UUID p6 = UUID.randomUUID();
    private final UUID p7 = UUID.randomUUID();
    private final Map<UUID, String> sites = Map.of(p1, "RJH", p2, "RJH", p3, "RJH", p4, "RJH", p5, "RJH", p6, "OTH",
            p7, "RJH");
    private final List<UUID> adverseEvents = new ArrayList<>();

    ToxicityIT(Infrastructure infrastructure) {
        this.infrastructure = infrastructure;
        Path publicKey = issuer.writePublicKey(Path.of("target", "toxicity-it-issuer.pub.pem").toAbsolutePath());
        Topics.ensure(infrastructure.kafkaBootstrapServers(), 3, TOPICS.toArray(String[]::new));
        this.publisher = new ContractPublisher(infrastructure.kafkaBootstrapServers());
        this.app = ServiceApp.start(ProjectionsApplication.class, Map.of(
                "trial.security.public-key", publicKey.toString(),
                "trial.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers(),
                "spring.data.mongodb.uri", infrastructure.mongoUri(),
                "trial.projections.database", "toxicity_it",
                "trial.projections.retire-after", "PT1S"));
        this.baseUrl = app.baseUrl();
        publishTheTrial();
        awaitProjected();
    }

    @AfterAll
    void stop() {
        app.close();
        publisher.close();
    }

    /** Seven patients operated on 2026-01-05; AE numbers as in the hand count. */
    private void publishTheTrial() {
        int number = 1;
        for (UUID patient : List.of(p1, p2, p3, p4, p5, p6, p7)) {
            publisher.publish(new PatientEnrolled(patient, number, screening(patient), sites.get(patient),
                    day(1, 10), day(1, 5), ResectionMargin.R1, "Leiomyosarcoma"));
            number++;
        }

        publisher.publish(new FirstDoseTaken(p1, day(1, 28), 12));
        UUID ae1 = report(p1, HYPERTENSION, 2, day(2, 10), true);
        publisher.publish(regraded(p1, ae1, 3, 3, day(3, 1)));
        report(p1, DIARRHEA, 1, day(2, 15), true);
        UUID ae3 = report(p1, FATIGUE, 1, day(2, 20), true);
        publisher.publish(regraded(p1, ae3, 2, 2, day(3, 10)));
        UUID ae4 = report(p1, PALMAR_PLANTAR, 2, day(3, 15), true);
        publisher.publish(new DoseReduced(p1, day(3, 20), 12, 10, ae4, "Grade 2 hand-foot skin reaction"));
        report(p1, HYPERTENSION, 1, day(5, 1), true);

        publisher.publish(new FirstDoseTaken(p2, day(2, 2), 12));
        UUID ae6 = report(p2, HYPERTENSION, 2, day(2, 20), true);
        publisher.publish(regraded(p2, ae6, 3, 3, day(7, 10)));
        UUID ae7 = report(p2, DIARRHEA, 2, day(3, 1), true);
        publisher.publish(regraded(p2, ae7, 3, 3, day(3, 5)));
        serious(p2, ae7, DIARRHEA, 3, SeriousnessCriterion.HOSPITALISATION, day(3, 5), false, false);
        submitted(p2, ae7, ExpeditedReportKind.INITIAL, day(3, 6), day(3, 6));
        publisher.publish(regraded(p2, ae7, 1, 3, day(3, 20)));
        publisher.publish(new AnlotinibDiscontinued(p2, day(3, 22), DiscontinuationReason.UNACCEPTABLE_TOXICITY, null,
                ae7));
        report(p2, NAUSEA, 1, day(1, 20), false);
        report(p2, PROTEINURIA, 1, day(4, 1), true);

        publisher.publish(new FractionDelivered(p3, day(2, 1), RadiotherapyPhase.BASE, 200, 1));
        publisher.publish(new FractionDelivered(p3, day(2, 2), RadiotherapyPhase.BASE, 200, 2));
        publisher.publish(new FirstDoseTaken(p3, day(2, 15), 12));
        UUID ae10 = report(p3, DERMATITIS_RADIATION, 1, day(2, 20), true);
        publisher.publish(regraded(p3, ae10, 2, 2, day(3, 1)));
        report(p3, FATIGUE, 2, day(2, 25), true);
        UUID ae12 = report(p3, NAUSEA, 3, day(3, 5), true);
        publisher.publish(corrected(p3, ae12, VOMITING, 2, day(3, 5), true), CORRECTED_AT);
        report(p3, HYPERTENSION, 1, day(3, 10), true);

        // P4's anorexia was reported before the first dose was known, then re-judged.
        UUID ae14 = report(p4, ANOREXIA, 1, day(2, 5), false);
        publisher.publish(new FirstDoseTaken(p4, day(1, 30), 12));
        publisher.publish(new TreatmentEmergenceRejudged(p4, ae14, true, day(1, 30)));
        report(p4, HYPERTENSION, 3, day(2, 20), true);
        UUID ae16 = report(p4, BRONCHOPULMONARY_HEMORRHAGE, 3, day(4, 10), true);
        serious(p4, ae16, BRONCHOPULMONARY_HEMORRHAGE, 3, SeriousnessCriterion.LIFE_THREATENING, day(4, 10), true,
                true);
        submitted(p4, ae16, ExpeditedReportKind.INITIAL, day(4, 11), day(4, 11));
        publisher.publish(regraded(p4, ae16, 5, 5, day(4, 12)));
        publisher.publish(new DeathRecorded(p4, day(4, 12), "Pulmonary haemorrhage"));
        publisher.publish(new ExpeditedReportOverdue(p4, ae16, "RJH", screening(p4), "Bronchopulmonary hemorrhage",
                ExpeditedReportKind.EXPEDITED, day(4, 17)));

        publisher.publish(new FirstDoseTaken(p5, day(2, 5), 12));
        UUID ae17 = report(p5, SEPSIS, 5, day(5, 1), true);
        serious(p5, ae17, SEPSIS, 5, SeriousnessCriterion.DEATH, day(5, 2), false, false);
        submitted(p5, ae17, ExpeditedReportKind.INITIAL, day(5, 4), day(5, 3));
        UUID ae18 = report(p5, DIARRHEA, 1, day(3, 1), true);
        publisher.publish(regraded(p5, ae18, 2, 2, day(3, 10)));
        report(p5, NAUSEA, 1, day(3, 5), true);

        publisher.publish(new FractionDelivered(p6, day(2, 10), RadiotherapyPhase.BASE, 200, 1));
        UUID ae20 = report(p6, DERMATITIS_RADIATION, 2, day(3, 1), true);
        publisher.publish(regraded(p6, ae20, 3, 3, day(3, 15)));
        serious(p6, ae20, DERMATITIS_RADIATION, 3, SeriousnessCriterion.HOSPITALISATION, day(3, 15), false, false);
        submitted(p6, ae20, ExpeditedReportKind.INITIAL, day(3, 16), day(3, 16));
        report(p6, DIARRHEA, 1, day(3, 10), true);
        report(p6, FATIGUE, 1, day(7, 5), true);

        report(p7, WOUND_COMPLICATION, 2, day(6, 1), false);
        publisher.publish(new FirstDoseTaken(p7, day(7, 15), 12));
        assertThat(adverseEvents).hasSize(23);
    }

    @Test
    void theTeaeTableByTermEqualsTheHandCount() throws Exception {
        JsonNode view = json(get("/toxicity/teae?dataCut=" + CUT, statistician));
        assertThat(view.path("by").asText()).isEqualTo("term");
        assertThat(view.path("n").asInt()).isEqualTo(6);
        assertThat(view.path("severeGradeFrom").asInt()).isEqualTo(3);
        assertThat(table(view)).containsExactlyElementsOf(TEAE_BY_TERM);
    }

    @Test
    void theTeaeTableByOrganClassEqualsTheHandCount() throws Exception {
        assertThat(table(json(get("/toxicity/teae?by=soc&dataCut=" + CUT, statistician))))
                .containsExactlyElementsOf(TEAE_BY_SOC);
    }

    @Test
    void asRecordedAtShowsTheTableBeforeTheLaterCorrection() throws Exception {
        JsonNode before = json(get("/toxicity/teae?dataCut=" + CUT + "&asRecordedAt="
                + CORRECTED_AT.minusSeconds(60), statistician));
        // As first recorded, P3's AE12 was a grade 3 nausea: with P5's grade 1, two patients; no vomiting.
        assertThat(table(before)).contains("Nausea,2 (33.3),1 (16.7),0 (0.0),1 (16.7),0 (0.0),0 (0.0),1 (16.7)")
                .noneMatch(row -> row.startsWith("Vomiting,"));
    }

    @Test
    void theCsvIsLaidOutAsTheTable() throws Exception {
        HttpResponse<String> csv = get("/toxicity/teae.csv?dataCut=" + CUT, statistician);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0))
                .isEqualTo("CTCAE term (N = 6),Any grade,Grade 1,Grade 2,Grade 3,Grade 4,Grade 5,Grade \u22653");
        assertThat(lines.subList(1, lines.size())).containsExactlyElementsOf(TEAE_BY_TERM);

        List<String> bySoc = get("/toxicity/teae.csv?by=soc&dataCut=" + CUT, statistician).body().lines().toList();
        assertThat(bySoc.get(0)).startsWith("System organ class (N = 6),");
        assertThat(bySoc).contains("\"Injury, poisoning and procedural complications\",2 (33.3),0 (0.0),1 (16.7),"
                + "1 (16.7),0 (0.0),0 (0.0),1 (16.7)");
    }

    @Test
    void rendersTheTableAsValidSvgAndPngNamingEveryTerm() throws Exception {
        HttpResponse<String> svg = get("/toxicity/teae.svg?dataCut=" + CUT, statistician);
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("image/svg+xml"));
        Files.writeString(Path.of("target", "toxicity-it-teae.svg"), svg.body());
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        org.w3c.dom.Document parsed = xml.newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(parsed.getDocumentElement().getNodeName()).isEqualTo("svg");
        String text = parsed.getDocumentElement().getTextContent();
        assertThat(text).contains("Safety population N = 6, data cut " + CUT).contains("Grade \u22653");
        for (String row : TEAE_BY_TERM) {
            assertThat(text).contains(row.substring(0, row.indexOf(',')));
        }

        HttpResponse<byte[]> png = HTTP.send(HttpRequest.newBuilder(
                        URI.create(baseUrl + "/toxicity/teae.png?by=soc&dataCut=" + CUT))
                .header("Authorization", "Bearer " + statistician).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.statusCode()).isEqualTo(200);
        Files.write(Path.of("target", "toxicity-it-teae-soc.png"), png.body());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertThat(image).as("a decodable PNG").isNotNull();
        assertThat(image.getWidth()).isGreaterThan(600);
        assertThat(image.getHeight()).isGreaterThan(300);
    }

    @Test
    void listsSeriousEventsWithEachReportSubmittedOrOverdue() throws Exception {
        JsonNode rows = json(get("/toxicity/serious?dataCut=" + CUT, monitor)).path("rows");
        assertThat(stream(rows).map(row -> row.path("screeningNumber").asText() + " " + row.path("term").asText()
                + " " + row.path("awareOn").asText() + " " + reports(row)).toList()).containsExactly(
                "T-02 Diarrhea 2026-03-05 [INITIAL 2026-03-06 SUBMITTED_ON_TIME]",
                "T-06 Dermatitis radiation 2026-03-15 [INITIAL 2026-03-16 SUBMITTED_ON_TIME]",
                // A fatal or life-threatening SUSAR: 1, 7, then 7 + 8 days after awareness; only the first went out.
                "T-04 Bronchopulmonary hemorrhage 2026-04-10 [INITIAL 2026-04-11 SUBMITTED_ON_TIME, "
                        + "EXPEDITED 2026-04-17 OVERDUE, FOLLOW_UP 2026-04-25 OVERDUE]",
                "T-05 Sepsis 2026-05-02 [INITIAL 2026-05-03 SUBMITTED_LATE]");
        assertThat(rows.get(2).path("susar").asBoolean()).isTrue();
        assertThat(rows.get(2).path("criteria").get(0).asText()).isEqualTo("LIFE_THREATENING");
        assertThat(rows.get(2).path("patientId").asText()).isEqualTo(p4.toString());
    }

    @Test
    void listsGrade5EventsDeathsAndTheDataQueriesBetweenThem() throws Exception {
        JsonNode view = json(get("/toxicity/deaths?dataCut=" + CUT, monitor));
        assertThat(stream(view.path("grade5")).map(row -> row.path("screeningNumber").asText() + " "
                + row.path("term").asText() + " " + row.path("grade5On").asText()).toList())
                .containsExactly("T-04 Bronchopulmonary hemorrhage 2026-04-12", "T-05 Sepsis 2026-05-01");
        assertThat(stream(view.path("deaths")).map(row -> row.path("screeningNumber").asText() + " "
                + row.path("diedOn").asText()).toList()).containsExactly("T-04 2026-04-12");
        assertThat(view.path("queries")).singleElement().satisfies(query -> {
            assertThat(query.path("patientId").asText()).isEqualTo(p5.toString());
            assertThat(query.path("query").asText()).isEqualTo("grade 5 Sepsis on 2026-05-01 but no death is recorded");
        });
    }

    @Test
    void listsTheAdverseEventsThatLedToADoseReductionOrDiscontinuation() throws Exception {
        JsonNode view = json(get("/toxicity/dose-modifications?dataCut=" + CUT, monitor));
        assertThat(view.path("reductions")).singleElement().satisfies(row -> {
            assertThat(row.path("screeningNumber").asText()).isEqualTo("T-01");
            assertThat(row.path("term").asText()).isEqualTo("Palmar-plantar erythrodysesthesia syndrome");
            assertThat(row.path("fromMg").asInt() + "->" + row.path("toMg").asInt()).isEqualTo("12->10");
            assertThat(row.path("effectiveOn").asText()).isEqualTo("2026-03-20");
        });
        assertThat(view.path("discontinuations")).singleElement().satisfies(row -> {
            assertThat(row.path("screeningNumber").asText()).isEqualTo("T-02");
            assertThat(row.path("term").asText()).isEqualTo("Diarrhea");
            assertThat(row.path("worstGrade").asInt()).isEqualTo(3);
        });
    }

    @Test
    void siteStaffSeeTheirOwnSitesRowsWhileTheTableCountsEverySite() throws Exception {
        assertThat(json(get("/toxicity/teae?dataCut=" + CUT, otherInvestigator)).path("n").asInt()).isEqualTo(6);
        assertThat(stream(json(get("/toxicity/serious?dataCut=" + CUT, otherInvestigator)).path("rows"))
                .map(row -> row.path("screeningNumber").asText()).toList()).containsExactly("T-06");
        JsonNode deaths = json(get("/toxicity/deaths?dataCut=" + CUT, otherInvestigator));
        assertThat(deaths.path("grade5")).isEmpty();
        assertThat(deaths.path("queries")).isEmpty();

        assertThat(stream(json(get("/toxicity/serious?dataCut=" + CUT, nurse)).path("rows"))
                .map(row -> row.path("screeningNumber").asText()).toList()).containsExactly("T-02", "T-04", "T-05");
        assertThat(json(get("/toxicity/dose-modifications?dataCut=" + CUT, nurse)).path("reductions")).hasSize(1);
        JsonNode log = json(get("/audit/access-log?patientId=" + p1, monitor));
        assertThat(log).anySatisfy(read -> {
            assertThat(read.path("subject").asText()).isEqualTo("nurse-1");
            assertThat(read.path("endpoint").asText()).isEqualTo("GET /toxicity/dose-modifications");
        });
    }

    /** The security matrix check refuses the others; this lets in every role the matrix names for each view. */
    @Test
    void everyRoleTheMatrixNamesForAToxicityViewIsLetIn() throws Exception {
        SecurityMatrixCheck check = new SecurityMatrixCheck(baseUrl, issuer, SecurityConfig.PERMISSIONS,
                permission -> null, Map.of());
        List<EndpointPermission> toxicity = SecurityConfig.PERMISSIONS.stream()
                .filter(permission -> permission.path().startsWith("/toxicity/")).toList();
        assertThat(toxicity).hasSize(7);
        for (EndpointPermission permission : toxicity) {
            for (Role role : permission.roles()) {
                HttpResponse<String> response = get(permission.path() + "?dataCut=" + CUT,
                        check.token(role, SecurityMatrixCheck.HOME_SITE).sign());
                assertThat(response.statusCode()).as(permission.path() + " as " + role).isEqualTo(200);
            }
        }
    }

    @Test
    void aRebuildGivesIdenticalToxicityViews() throws Exception {
        List<String> views = List.of("/toxicity/teae?dataCut=" + CUT, "/toxicity/teae?by=soc&dataCut=" + CUT,
                "/toxicity/teae.csv?dataCut=" + CUT, "/toxicity/serious?dataCut=" + CUT,
                "/toxicity/deaths?dataCut=" + CUT, "/toxicity/dose-modifications?dataCut=" + CUT);
        List<String> before = new ArrayList<>();
        for (String view : views) {
            before.add(get(view, monitor).body());
        }
        HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(
                        URI.create(baseUrl + "/admin/rebuild/patient-facts"))
                .header("Authorization", "Bearer " + administrator).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).isEqualTo(202);
        int generation = JSON.readTree(started.body()).path("generation").asInt();
        await().atMost(Duration.ofSeconds(60)).until(() -> JSON.readTree(
                        get("/admin/rebuild/patient-facts", administrator).body()),
                rebuild -> "LIVE".equals(rebuild.path("state").asText())
                        && rebuild.path("generation").asInt() >= generation);
        for (int i = 0; i < views.size(); i++) {
            assertThat(get(views.get(i), monitor).body()).as(views.get(i)).isEqualTo(before.get(i));
        }
        assertThat(table(JSON.readTree(before.get(0)))).containsExactlyElementsOf(TEAE_BY_TERM);
    }

    @Test
    void badQueriesGetAProblemNamingTheParameter() throws Exception {
        assertProblem(get("/toxicity/teae?by=organ&dataCut=" + CUT, statistician), "by");
        assertProblem(get("/toxicity/teae.png?by=grade&dataCut=" + CUT, statistician), "by");
        assertProblem(get("/toxicity/teae", statistician), "dataCut");
        assertProblem(get("/toxicity/teae.csv?dataCut=2026-13-01", statistician), "dataCut");
        assertProblem(get("/toxicity/serious?dataCut=" + CUT + "&asRecordedAt=yesterday", monitor), "asRecordedAt");
        assertProblem(get("/toxicity/deaths?dataCut=soon", monitor), "dataCut");
        assertProblem(get("/toxicity/dose-modifications", monitor), "dataCut");
    }

    private static void assertProblem(HttpResponse<String> response, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).path("errors")).anySatisfy(
                error -> assertThat(error.path("field").asText()).isEqualTo(field));
    }

    /** Waits until the patient-facts projection has applied every record now on the five topics. */
    private void awaitProjected() {
        long published;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure.kafkaBootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> ends = admin.describeTopics(TOPICS).allTopicNames().get().values().stream()
                    .flatMap(topic -> topic.partitions().stream()
                            .map(partition -> new TopicPartition(topic.name(), partition.partition())))
                    .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
            published = admin.listOffsets(ends).all().get().values().stream().mapToLong(end -> end.offset()).sum();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> json(get("/admin/projections", administrator)),
                list -> stream(list).anyMatch(projection -> "patient-facts".equals(projection.path("projection")
                        .asText()) && projection.path("applied").asLong() >= published));
    }

    private UUID report(UUID patient, Term term, int grade, LocalDate onsetOn, boolean treatmentEmergent) {
        UUID adverseEvent = UUID.randomUUID();
        adverseEvents.add(adverseEvent);
        publisher.publish(reported(patient, adverseEvent, sites.get(patient), screening(patient), term, grade, onsetOn,
                treatmentEmergent));
        return adverseEvent;
    }

    private void serious(UUID patient, UUID adverseEvent, Term term, int grade, SeriousnessCriterion criterion,
                         LocalDate awareOn, boolean susar, boolean fatalOrLifeThreatening) {
        List<ReportDeadline> deadlines = new ArrayList<>(List.of(new ReportDeadline(ExpeditedReportKind.INITIAL,
                awareOn.plusDays(1))));
        if (susar && fatalOrLifeThreatening) {
            deadlines.add(new ReportDeadline(ExpeditedReportKind.EXPEDITED, awareOn.plusDays(7)));
            deadlines.add(new ReportDeadline(ExpeditedReportKind.FOLLOW_UP, awareOn.plusDays(15)));
        }
        publisher.publish(new SeriousAdverseEventReported(patient, adverseEvent, sites.get(patient),
                screening(patient), term.name(), term.meddraCode(), grade, List.of(criterion), awareOn, !susar,
                new Attribution(Causality.PROBABLE, Causality.UNLIKELY), susar, deadlines, false));
    }

    private void submitted(UUID patient, UUID adverseEvent, ExpeditedReportKind kind, LocalDate submittedOn,
                           LocalDate dueOn) {
        publisher.publish(new ExpeditedReportSubmitted(patient, adverseEvent, kind, submittedOn,
                "Sponsor pharmacovigilance", dueOn, !submittedOn.isAfter(dueOn)));
    }

    private String screening(UUID patient) {
        return "T-0" + (List.of(p1, p2, p3, p4, p5, p6, p7).indexOf(patient) + 1);
    }

    private static LocalDate day(int month, int day) {
        return LocalDate.of(2026, month, day);
    }

    /** The table's rows as "name,any,grade 1,...,grade 5,severe", each count as "n (%)", read from the JSON. */
    private static List<String> table(JsonNode view) {
        List<String> rows = new ArrayList<>();
        rows.add(row(view.path("any")));
        view.path("rows").forEach(row -> rows.add(row(row)));
        return rows;
    }

    private static String row(JsonNode row) {
        List<String> cells = new ArrayList<>(List.of(row.path("name").asText(), count(row.path("anyGrade"))));
        row.path("grades").forEach(grade -> cells.add(count(grade)));
        cells.add(count(row.path("severe")));
        return String.join(",", cells);
    }

    private static String count(JsonNode count) {
        return count.path("n").asInt() + " (" + count.path("percent").decimalValue().toPlainString() + ")";
    }

    private static String reports(JsonNode row) {
        return stream(row.path("reports")).map(report -> report.path("kind").asText() + " "
                + report.path("dueOn").asText() + " " + report.path("state").asText()).toList().toString();
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
