package org.trialstream.projections.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

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
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.trialstream.kernel.contract.enrolment.ConsentWithdrawn;
import org.trialstream.kernel.contract.enrolment.PatientEnrolled;
import org.trialstream.kernel.contract.followup.AliveContactRecorded;
import org.trialstream.kernel.contract.followup.AssessmentCorrected;
import org.trialstream.kernel.contract.followup.DeathRecorded;
import org.trialstream.kernel.contract.followup.ImagingAssessed;
import org.trialstream.kernel.contract.followup.ImagingModality;
import org.trialstream.kernel.contract.followup.PlannedVisit;
import org.trialstream.kernel.contract.followup.VisitsScheduled;
import org.trialstream.kernel.patient.ResectionMargin;
import org.trialstream.kernel.security.Role;
import org.trialstream.localstack.infra.Infrastructure;
import org.trialstream.localstack.infra.WithInfrastructure;
import org.trialstream.localstack.token.DevTokenIssuer;
import org.trialstream.projections.ProjectionsApplication;
import org.trialstream.statistics.survival.AnalysisDataSet;
import org.trialstream.statistics.survival.KaplanMeier;
import org.trialstream.statistics.survival.SurvivalRow;
import org.trialstream.support.testing.ContractPublisher;
import org.trialstream.support.testing.ServiceApp;
import org.trialstream.support.testing.Topics;

/**
 * The endpoint views from contract facts on the real broker and the Mongo-compatible server: outcomes as the protocol
 * defines them, the Kaplan-Meier table equal to the statistics module run on the exported data set, data cuts,
 * "as recorded at" before a correction, the competing-risk incidence, data queries, the worklist, and a rebuild that
 * changes nothing. Other test classes share the topics, so assertions name this class's own patients.
 */
@WithInfrastructure(WithInfrastructure.Kind.LOCAL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate SURGERY = LocalDate.of(2025, 1, 10);
    private static final double DAYS_PER_MONTH = 30.4375;
    private static final Instant FIRST_ENTRY = Instant.parse("2026-01-05T10:00:00Z");
    private static final Instant CORRECTED_AT = Instant.parse("2026-02-01T10:00:00Z");

    private final DevTokenIssuer issuer = DevTokenIssuer.generate();
    private final String statistician = issuer.token(Role.STATISTICIAN.name()).subject("stat-1").sign();
    private final String administrator = issuer.token(Role.ADMINISTRATOR.name()).subject("admin-1").sign();
    private final String nurse = issuer.token(Role.RESEARCH_NURSE.name()).site("RJH").subject("nurse-1").sign();
    private final ServiceApp app;
    private final String baseUrl;
    private final ContractPublisher publisher;

    private final UUID recurred = UUID.randomUUID();
    private final UUID died = UUID.randomUUID();
    private final UUID alive = UUID.randomUUID();
    private final UUID corrected = UUID.randomUUID();

    EndpointsIT(Infrastructure infrastructure) {
        Path publicKey = issuer.writePublicKey(Path.of("target", "endpoints-it-issuer.pub.pem").toAbsolutePath());
        Topics.ensure(infrastructure.kafkaBootstrapServers(), 3, "trial.enrolment.events", "trial.follow-up.events");
        this.publisher = new ContractPublisher(infrastructure.kafkaBootstrapServers());
        this.app = ServiceApp.start(ProjectionsApplication.class, Map.of(
                "trial.security.public-key", publicKey.toString(),
                "trial.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers(),
                "spring.data.mongodb.uri", infrastructure.mongoUri(),
                "trial.projections.database", "endpoints_it",
                "trial.projections.retire-after", "PT1S"));
        this.baseUrl = app.baseUrl();
        publishTheTrial();
    }

    @AfterAll
    void stop() {
        app.close();
        publisher.close();
    }

    /**
     * Four patients operated on 2025-01-10: one with a recurrence at 6 months; one who died at 8 months without
     * recurrence (and whose withdrawal is dated after the death); one seen alive at 12 months; one whose recurrence at
     * 3 months was corrected away later.
     */
    private void publishTheTrial() {
        for (UUID patient : List.of(recurred, died, alive, corrected)) {
            publisher.publish(new PatientEnrolled(patient, 1, "E-" + patient.toString().substring(0, 6), "RJH",
                    SURGERY.plusDays(10), SURGERY, ResectionMargin.R1, "Liposarcoma"), FIRST_ENTRY);
            if (!patient.equals(corrected)) {
                publisher.publish(assessed(patient, 3, false), FIRST_ENTRY);
            }
        }
        publisher.publish(assessed(recurred, 6, true), FIRST_ENTRY);
        publisher.publish(new DeathRecorded(died, SURGERY.plusMonths(8), "Pneumonia"), FIRST_ENTRY);
        publisher.publish(new ConsentWithdrawn(died, SURGERY.plusMonths(9), "Family request"), FIRST_ENTRY);
        publisher.publish(new AliveContactRecorded(alive, SURGERY.plusMonths(12)), FIRST_ENTRY);
        String recurrence = publisher.publish(assessed(corrected, 3, true), FIRST_ENTRY);
        publisher.publish(new AssessmentCorrected(corrected, recurrence, SURGERY.plusMonths(3), ImagingModality.MRI,
                false, false, List.of(), 1, "Central review: post-operative change"), CORRECTED_AT);
        publisher.publish(new VisitsScheduled(alive, "RJH", SURGERY, List.of(
                new PlannedVisit(1, 3, SURGERY.plusMonths(3), SURGERY.plusMonths(3).minusDays(14),
                        SURGERY.plusMonths(3).plusDays(14)),
                new PlannedVisit(2, 6, SURGERY.plusMonths(6), SURGERY.plusMonths(6).minusDays(14),
                        SURGERY.plusMonths(6).plusDays(14)),
                new PlannedVisit(3, 9, SURGERY.plusMonths(9), SURGERY.plusMonths(9).minusDays(14),
                        SURGERY.plusMonths(9).plusDays(14)))), FIRST_ENTRY);
        // Other classes' patients share the topics: wait for this class's last facts of both topics.
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Map<String, String[]> lrfs = rows("lrfs", "2026-06-01", null);
            Map<String, String[]> os = rows("os", "2026-06-01", null);
            // Patients sit on different partitions, so any of them may be the last one projected.
            return "0".equals(cell(lrfs, corrected, 1)) && "1".equals(cell(lrfs, recurred, 1))
                    && "1".equals(cell(os, died, 1)) && days(12).equals(cell(os, alive, 0))
                    && get("/follow-up/worklist?on=" + SURGERY.plusMonths(9), nurse).body().contains(alive.toString());
        });
    }

    @Test
    void judgesEachEndpointAsTheProtocolDefinesIt() throws Exception {
        Map<String, String[]> lrfs = rows("lrfs", "2026-06-01", null);
        assertThat(lrfs.get(recurred.toString())).containsExactly(days(6), "1");
        assertThat(lrfs.get(died.toString())).as("censored at the last assessment").containsExactly(days(3), "0");
        assertThat(lrfs.get(corrected.toString())).as("the corrected assessment stands").containsExactly(days(3), "0");
        Map<String, String[]> os = rows("os", "2026-06-01", null);
        assertThat(os.get(died.toString())).containsExactly(days(8), "1");
        assertThat(os.get(alive.toString())).as("censored at the last date known alive")
                .containsExactly(days(12), "0");
        assertThat(os.get(recurred.toString())).as("alive at the last assessment").containsExactly(days(6), "0");
    }

    @Test
    void theKaplanMeierTableEqualsTheStatisticsModuleOnTheExportedDataSet() throws Exception {
        for (String endpoint : List.of("lrfs", "mfs", "os")) {
            Path csv = Files.writeString(Path.of("target", "endpoints-it-" + endpoint + ".csv"),
                    get("/endpoints/" + endpoint + "/data.csv?dataCut=2026-06-01", statistician).body());
            List<SurvivalRow> expected = KaplanMeier.estimate(AnalysisDataSet.read(csv, null).get("all"))
                    .eventRows();
            JsonNode view = JSON.readTree(get("/endpoints/" + endpoint + "?dataCut=2026-06-01", statistician).body());
            assertThat(view.path("table")).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                JsonNode row = view.path("table").get(i);
                assertThat(row.path("time_months").asDouble()).isCloseTo(expected.get(i).time(), within(1e-6));
                assertThat(row.path("n_risk").asInt()).isEqualTo(expected.get(i).nRisk());
                assertThat(row.path("n_event").asInt()).isEqualTo(expected.get(i).nEvent());
                assertThat(row.path("surv").asDouble()).isCloseTo(expected.get(i).survival(), within(1e-6));
            }
            assertThat(view.path("n").asInt()).as("one row per patient").isEqualTo(Files.readAllLines(csv).size() - 1);
            assertThat(view.path("numbersAtRisk")).hasSize(7);
            assertThat(view.path("rates")).extracting(rate -> rate.path("month").asInt()).containsExactly(12, 24, 36);
        }
    }

    @Test
    void rendersTheCurveAsValidSvgAndPngWithItsAxisLabels() throws Exception {
        HttpResponse<String> svg = get("/endpoints/lrfs/curve.svg?dataCut=2026-06-01", statistician);
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("image/svg+xml"));
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        org.w3c.dom.Document parsed = xml.newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(parsed.getDocumentElement().getNodeName()).isEqualTo("svg");
        assertThat(parsed.getDocumentElement().getTextContent()).contains("Months since surgery")
                .contains("Local recurrence-free survival probability").contains("At risk");

        HttpResponse<byte[]> png = HTTP.send(HttpRequest.newBuilder(
                        URI.create(baseUrl + "/endpoints/os/curve.png?dataCut=2026-06-01"))
                .header("Authorization", "Bearer " + statistician).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.statusCode()).isEqualTo(200);
        Files.write(Path.of("target", "endpoints-it-os.png"), png.body());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertThat(image).as("a decodable PNG").isNotNull();
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(600);
    }

    @Test
    void aDataCutCountsOnlyFactsDatedOnOrBeforeIt() throws Exception {
        LocalDate cut = SURGERY.plusMonths(5);
        Map<String, String[]> lrfs = rows("lrfs", cut.toString(), null);
        assertThat(lrfs.get(recurred.toString())).as("the recurrence at 6 months is after the cut")
                .containsExactly(days(3), "0");
        assertThat(rows("os", cut.toString(), null).get(died.toString())).containsExactly(days(3), "0");
    }

    @Test
    void asRecordedAtShowsTheAnalysisAsItStoodBeforeALaterCorrection() throws Exception {
        String before = CORRECTED_AT.minusSeconds(60).toString();
        assertThat(rows("lrfs", "2026-06-01", before).get(corrected.toString()))
                .as("the recurrence as first recorded").containsExactly(days(3), "1");
        assertThat(rows("lrfs", "2026-06-01", null).get(corrected.toString())).containsExactly(days(3), "0");
    }

    @Test
    void givesTheCumulativeIncidenceOfRecurrenceWithDeathCompeting() throws Exception {
        JsonNode incidence = JSON.readTree(get("/endpoints/local-recurrence/cumulative-incidence?dataCut=2026-06-01",
                statistician).body());
        assertThat(incidence.path("competingEvents").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(incidence.path("events").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(incidence.path("at")).extracting(at -> at.path("month").asInt()).containsExactly(12, 24, 36);
    }

    @Test
    void raisesADataQueryForAFactDatedAfterDeath() throws Exception {
        JsonNode view = JSON.readTree(get("/endpoints/os?dataCut=2026-06-01", statistician).body());
        assertThat(view.path("queries")).anySatisfy(query -> {
            assertThat(query.path("patientId").asText()).isEqualTo(died.toString());
            assertThat(query.path("query").asText()).contains("enrolment.ConsentWithdrawn")
                    .contains("after the death on " + SURGERY.plusMonths(8));
        });
    }

    @Test
    void showsSiteStaffTheDataQueriesOfTheirOwnSiteOnly() throws Exception {
        String elsewhere = issuer.token(Role.INVESTIGATOR.name()).site("OTH").subject("investigator-9").sign();
        JsonNode view = JSON.readTree(get("/endpoints/os?dataCut=2026-06-01", elsewhere).body());
        assertThat(view.path("n").asInt()).as("the analysis counts every site").isGreaterThanOrEqualTo(4);
        assertThat(view.path("queries")).noneSatisfy(query ->
                assertThat(query.path("patientId").asText()).isEqualTo(died.toString()));
    }

    @Test
    void listsVisitsDueAndOverdueForTheNursesSite() throws Exception {
        LocalDate day = SURGERY.plusMonths(9);
        JsonNode worklist = JSON.readTree(get("/follow-up/worklist?on=" + day, nurse).body());
        List<JsonNode> mine = StreamSupport.stream(worklist.spliterator(), false)
                .filter(entry -> entry.path("patientId").asText().equals(alive.toString())).toList();
        assertThat(mine).extracting(entry -> entry.path("visit").asInt() + ":" + entry.path("state").asText())
                .containsExactly("2:OVERDUE", "3:DUE");
    }

    @Test
    void aRebuildGivesIdenticalViews() throws Exception {
        String before = get("/endpoints/lrfs?dataCut=2026-06-01", statistician).body();
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
        assertThat(get("/endpoints/lrfs?dataCut=2026-06-01", statistician).body()).isEqualTo(before);
    }

    @Test
    void badQueriesGetAProblemNamingTheParameter() throws Exception {
        assertProblem(get("/endpoints/lrfs", statistician), 400, "dataCut");
        assertProblem(get("/endpoints/lrfs?dataCut=2026-13-01", statistician), 400, "dataCut");
        assertProblem(get("/endpoints/lrfs?dataCut=2026-06-01&asRecordedAt=yesterday", statistician), 400,
                "asRecordedAt");
        assertProblem(get("/endpoints/pfs?dataCut=2026-06-01", statistician), 404, "endpoint");
        assertProblem(get("/follow-up/worklist?on=soon", nurse), 400, "on");
        assertProblem(get("/endpoints/lrfs/curve.svg?dataCut=2001-01-01", statistician), 404, "dataCut");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).path("errors")).anySatisfy(
                error -> assertThat(error.path("field").asText()).isEqualTo(field));
    }

    private static ImagingAssessed assessed(UUID patient, int month, boolean localRecurrence) {
        return new ImagingAssessed(patient, SURGERY.plusMonths(month), ImagingModality.MRI, localRecurrence, false,
                List.of(), month / 3);
    }

    private static String cell(Map<String, String[]> rows, UUID patient, int column) {
        String[] row = rows.get(patient.toString());
        return row == null ? null : row[column];
    }

    private static String days(int months) {
        return String.valueOf(ChronoUnit.DAYS.between(SURGERY, SURGERY.plusMonths(months)));
    }

    /** The data set's rows by patient: time in days and status. */
    private Map<String, String[]> rows(String endpoint, String dataCut, String asRecordedAt) throws Exception {
        String query = "?dataCut=" + dataCut + (asRecordedAt == null ? "" : "&asRecordedAt=" + asRecordedAt);
        HttpResponse<String> response = get("/endpoints/" + endpoint + "/data.csv" + query, statistician);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Arrays.stream(response.body().split("\n")).skip(1).map(line -> line.split(","))
                .collect(Collectors.toMap(row -> row[0], row -> new String[] {row[1], row[3]}));
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
