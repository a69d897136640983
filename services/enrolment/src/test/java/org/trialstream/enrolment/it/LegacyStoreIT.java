package org.trialstream.enrolment.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.trialstream.enrolment.patient.domain.EligibilityCriterion;
import org.trialstream.localstack.infra.Infrastructure;
import org.trialstream.localstack.infra.WithInfrastructure;
import org.trialstream.localstack.token.DevTokenIssuer;
import org.trialstream.support.testing.ServiceApp;
import org.trialstream.support.testing.SiteCalendar;

/**
 * A store written by the code before contract naming (payload types named by Java class, schema by Hibernate) is
 * taken over by today's service: Flyway baselines it, its facts load, and what they established still holds.
 */
@WithInfrastructure(WithInfrastructure.Kind.LOCAL)
class LegacyStoreIT {

    private static final String LEGACY_PATIENT = "2adf548b-8500-4156-ae6a-81067a4b8939";

    private final Infrastructure infrastructure;

    LegacyStoreIT(Infrastructure infrastructure) {
        this.infrastructure = infrastructure;
    }

    @Test
    void aStoreWrittenWithJavaClassNamesStillLoadsAndItsFactsStillHold() throws Exception {
        Infrastructure.Database database = infrastructure.freshDatabase("enrolment_legacy_it");
        loadLegacyStore(database);
        DevTokenIssuer issuer = DevTokenIssuer.generate();
        Path publicKey = issuer.writePublicKey(Path.of("target", "legacy-it-issuer.pub.pem").toAbsolutePath());

        try (EnrolmentApp app = EnrolmentApp.start(infrastructure, database, issuer, publicKey, Map.of())) {
            ServiceApp.Response withdrawn = app.post("/patients/" + LEGACY_PATIENT + "/withdrawal",
                    Map.of("withdrawnOn", SiteCalendar.today().toString(), "reason", "Moved abroad"));
            assertThat(withdrawn.status()).as("the legacy patient's events load: " + withdrawn).isEqualTo(200);

            ServiceApp.Response reused = app.post("/patients", Map.of("screeningNumber", "S-LEGACY-1",
                    "siteId", "RJH", "screenedOn", SiteCalendar.today().toString()));
            assertThat(reused.isProblem(409, "screeningNumber")).as("the legacy screening number stays taken: "
                    + reused).isTrue();

            String newcomer = app.post("/patients", Map.of("screeningNumber", "S-NEW-1", "siteId", "RJH",
                    "screenedOn", SiteCalendar.today().toString())).body().get("patientId").asText();
            assertThat(app.post("/patients/" + newcomer + "/eligibility", Map.of("answers", allSatisfied(),
                    "assessedOn", SiteCalendar.today().toString())).status()).isEqualTo(200);
            ServiceApp.Response enrolled = app.post("/patients/" + newcomer + "/enrolment", Map.of(
                    "surgeryDate", SiteCalendar.today().minusDays(20).toString(), "margin", "R0",
                    "histology", "Liposarcoma"));
            assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(200);
        }
        assertThat(enrolmentNumberOf(database, "enrolment.PatientEnrolled"))
                .as("the register counted the legacy patient's place").isEqualTo(2);
    }

    private static void loadLegacyStore(Infrastructure.Database database) throws Exception {
        String sql;
        try (InputStream in = LegacyStoreIT.class.getResourceAsStream(
                "/legacy/enrolment-store-before-contract-names.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            for (String command : sql.replaceAll("(?m)^--.*$", "").split(";\\s*\\n")) {
                if (!command.isBlank()) {
                    statement.execute(command);
                }
            }
        }
    }

    private static int enrolmentNumberOf(Infrastructure.Database database, String payloadType) throws Exception {
        try (Connection connection = connect(database); var query = connection.prepareStatement(
                "SELECT payload FROM domain_event_entry WHERE payload_type = ? ORDER BY global_index DESC")) {
            query.setString(1, payloadType);
            ResultSet rows = query.executeQuery();
            assertThat(rows.next()).isTrue();
            return ServiceApp.JSON.readTree(rows.getBytes(1)).path("enrolmentNumber").asInt();
        }
    }

    private static Connection connect(Infrastructure.Database database) throws Exception {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    private static Map<String, Boolean> allSatisfied() {
        Map<String, Boolean> answers = new LinkedHashMap<>();
        for (EligibilityCriterion criterion : EligibilityCriterion.values()) {
            answers.put(criterion.name(), criterion.kind() == EligibilityCriterion.Kind.INCLUSION);
        }
        return answers;
    }
}
