package org.trialstream.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.trialstream.localstack.cli.Trial;
import org.trialstream.localstack.infra.Infrastructure;
import org.trialstream.localstack.infra.WithInfrastructure;
import org.trialstream.localstack.simulate.Eligibility;
import org.trialstream.localstack.simulate.TrialSimulator;
import org.trialstream.localstack.token.DevTokenIssuer;
import org.trialstream.protocol.SharedData;
import org.trialstream.protocol.definition.Protocol;
import org.trialstream.protocol.definition.ProtocolLoader;
import org.trialstream.statistics.survival.AnalysisDataSet;
import org.trialstream.statistics.survival.KaplanMeier;
import org.trialstream.statistics.survival.SurvivalRow;

/**
 * The whole trial on the real stack: every service as its own process (as {@code ./trial up} starts them), the event
 * stores on PostgreSQL, a real Kafka broker and the MongoDB-compatible server. The simulator runs 41 patients through
 * the public APIs; the views, the alerts and the audit trail must then agree with what it sent. A scenario may do
 * something to the stack part-way through the run ({@link #partWay}).
 */
@WithInfrastructure(WithInfrastructure.Kind.LOCAL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WholeTrialScenario {

    /** The seed of both scenarios: the same trial, so their views must come out the same. */
    static final long SEED = 11;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> COMMAND_SERVICES = List.of("enrolment", "follow-up", "safety", "dosing",
            "radiotherapy");
    private static final List<String> SERVICES = Stream.concat(COMMAND_SERVICES.stream(),
            Stream.of("alerts", "projections")).toList();

    private final Infrastructure infrastructure;
    private final Protocol protocol = ProtocolLoader.loadDefault();
    private final LocalDate dataCut = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> urls = new HashMap<>();
    private final Set<String> alertsReceived = ConcurrentHashMap.newKeySet();
    private Trial stack;
    private DevTokenIssuer issuer;
    private TrialSimulator.Outcome outcome;

    WholeTrialScenario(Infrastructure infrastructure) {
        this.infrastructure = infrastructure;
    }

    /** True to run the stack on a Kafka broker and read store of its own, as {@code ./trial up} does. */
    abstract boolean ownBrokerAndReadStore();

    /** Done once, while the simulator is part-way through the trial; the run must end as if nothing happened. */
    void partWay(Trial stack) {
    }

    @BeforeAll
    void startTheStackAndRunTheTrial() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        String name = getClass().getSimpleName().toLowerCase(Locale.ROOT);
        Path home = Path.of("target", name).toAbsolutePath();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("TRIAL_HOME", home.toString());
        if (ownBrokerAndReadStore()) {
            env.put("TRIAL_KAFKA_PORT", String.valueOf(freePort()));
            env.put("TRIAL_KAFKA_CONTROLLER_PORT", String.valueOf(freePort()));
            env.put("TRIAL_MONGO_PORT", String.valueOf(freePort()));
        } else {
            env.put("TRIAL_KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
            env.put("TRIAL_MONGODB_URI", infrastructure.mongoUri());
            env.put("TRIAL_MONGODB_DATABASE", name);
        }
        env.put("TRIAL_CTCAE_FILE", SharedData.ctcaeFile().toAbsolutePath().toString());
        for (String service : SERVICES) {
            int port = freePort();
            env.put(variable(service, "PORT"), String.valueOf(port));
            urls.put(service, "http://127.0.0.1:" + port);
        }
        for (String service : COMMAND_SERVICES) {
            Infrastructure.Database database = infrastructure.freshDatabase(name + "_" + service.replace('-', '_'));
            env.put(variable(service, "JDBC_URL"), database.jdbcUrl());
            env.put("TRIAL_JDBC_USER", database.user());
            env.put("TRIAL_JDBC_PASSWORD", database.password());
        }
        stack = new Trial(root, env);
        stack.up();
        issuer = DevTokenIssuer.inFolder(home.resolve("keys"));
        subscribeToAlerts();
        try (PrintStream log = new PrintStream(Files.newOutputStream(Path.of("target", name + ".txt")), true,
                StandardCharsets.UTF_8)) {
            TrialSimulator simulator = new TrialSimulator(urls, issuer, new TrialSimulator.Options(
                    protocol.enrolment().cap(), SEED, dataCut, protocol, 4), log);
            CompletableFuture<Void> meanwhile = CompletableFuture.runAsync(() -> {
                await().atMost(Duration.ofMinutes(5)).until(() -> simulator.requestsSent() >= PART_WAY_REQUESTS);
                partWay(stack);
            });
            outcome = simulator.run();
            meanwhile.get(5, TimeUnit.MINUTES);
        }
    }

    /** About 40 % of a 41-patient trial. */
    static final int PART_WAY_REQUESTS = 1000;

    TrialSimulator.Outcome outcome() {
        return outcome;
    }

    @AfterAll
    void stopTheStack() {
        if (stack != null) {
            stack.down();
        }
    }

    @Test
    void theEndpointToxicityExposureAndRadiotherapyViewsEqualTheSimulatorsTruth() {
        assertThat(outcome.truths()).hasSize(41);
        assertThat(outcome.differences()).isEmpty();
    }

    @Test
    void refusesAFortySecondPatient() throws Exception {
        String investigator = token("INVESTIGATOR", "RJH");
        String patient = post("enrolment", "/patients", investigator, Map.of("screeningNumber", "EXTRA-42",
                "siteId", "RJH", "screenedOn", dataCut.minusDays(10).toString())).path("patientId").asText();
        post("enrolment", "/patients/" + patient + "/eligibility", investigator,
                Map.of("assessedOn", dataCut.minusDays(10).toString(), "answers", Eligibility.everyCriterionMet()));

        HttpResponse<String> refused = send("enrolment", "/patients/" + patient + "/enrolment", investigator,
                Map.of("enrolledOn", dataCut.minusDays(10).toString(), "surgeryDate", dataCut.minusDays(20).toString(),
                        "margin", "R0", "histology", "Liposarcoma"));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("41");
    }

    /** The KM tables of the views, against the statistics module run on the simulator's own truth. */
    @Test
    void theKaplanMeierTablesEqualTheStatisticsModuleOnTheTruth() throws Exception {
        for (String endpoint : List.of("lrfs", "mfs", "os")) {
            StringBuilder csv = new StringBuilder("patientId,time_days,time_months,status\n");
            for (var truth : outcome.truths()) {
                int[] value = truth.endpoint(endpoint);
                csv.append(truth.patientId).append(',').append(value[0]).append(',')
                        .append(value[0] / protocol.endpoints().daysPerMonth()).append(',')
                        .append(value[1]).append('\n');
            }
            Path file = Files.writeString(Path.of("target", "truth-" + endpoint + ".csv"), csv);
            List<SurvivalRow> expected = KaplanMeier.estimate(AnalysisDataSet.read(file, null).get("all")).eventRows();
            JsonNode table = get("projections", "/endpoints/" + endpoint + "?dataCut=" + dataCut,
                    token("STATISTICIAN", null)).path("table");
            assertThat(table).as(endpoint).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertThat(table.get(i).path("time_months").asDouble()).isCloseTo(expected.get(i).time(), within(1e-6));
                assertThat(table.get(i).path("n_risk").asInt()).isEqualTo(expected.get(i).nRisk());
                assertThat(table.get(i).path("surv").asDouble())
                        .isCloseTo(expected.get(i).survival(), within(1e-4));
            }
        }
    }

    /** Patients with any treatment-emergent event, and with one of grade 3 or more, counted here from the truth. */
    @Test
    void theToxicityTableCountsEachPatientOnceAtTheWorstGrade() throws Exception {
        long any = outcome.truths().stream().filter(truth -> !truth.worstGrades.isEmpty()).count();
        long severe = outcome.truths().stream()
                .filter(truth -> truth.worstGrades.values().stream().anyMatch(grade -> grade >= 3)).count();
        JsonNode table = get("projections", "/toxicity/teae?by=term&dataCut=" + dataCut, token("STATISTICIAN", null));
        assertThat(table.path("n").asInt()).isEqualTo(41);
        assertThat(table.path("any").path("anyGrade").path("n").asLong()).isEqualTo(any);
        assertThat(table.path("any").path("severe").path("n").asLong()).isEqualTo(severe);
    }

    @Test
    void everyCourseOfRadiotherapyCompletedAndTheExposureListingHasEveryPatient() throws Exception {
        JsonNode summary = get("projections", "/radiotherapy/summary", token("STATISTICIAN", null));
        assertThat(summary.path("prescribed").asInt()).isEqualTo(41);
        assertThat(summary.path("completed").asInt()).isEqualTo(41);
        assertThat(summary.path("completionRate").decimalValue()).isEqualByComparingTo("1");
        JsonNode listing = get("projections", "/exposure/listing", token("STATISTICIAN", null)).path("rows");
        assertThat(listing).hasSize(41);
    }

    @Test
    void everySeriousAdverseEventReachedAnAlertSubscriber() throws Exception {
        List<String> serious = outcome.truths().stream().flatMap(truth -> truth.seriousAdverseEvents.stream())
                .toList();
        assertThat(serious).isNotEmpty();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(alertsReceived).containsAll(serious));
    }

    @Test
    void everyFactChainHoldsAndEveryEventStoreAgreesWithItsTopic() throws Exception {
        String monitor = token("MONITOR", null);
        JsonNode topics = get("projections", "/audit/verify", monitor);
        assertThat(topics.path("broken").isNull()).as(topics.toString()).isTrue();
        assertThat(topics.path("facts").asLong()).isGreaterThan(2000);
        for (String service : COMMAND_SERVICES) {
            JsonNode store = get(service, "/audit/store-chain", monitor);
            assertThat(store.path("chain").path("broken").isNull()).as(store.toString()).isTrue();
            assertThat(store.path("topic").path("first").isNull()).as(store.toString()).isTrue();
            assertThat(store.path("topic").path("stored").asLong()).as(service).isPositive();
        }
    }

    /** A safety officer's open stream, from before the first patient: the ids of the events it was alerted to. */
    private void subscribeToAlerts() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(urls.get("alerts") + "/alerts/stream"))
                .header("Authorization", "Bearer " + token("SAFETY_OFFICER", null)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> response.body()
                .filter(line -> line.startsWith("data:"))
                .forEach(line -> {
                    try {
                        String id = JSON.readTree(line.substring(5)).path("adverseEventId").asText();
                        alertsReceived.add(id);
                    } catch (IOException unreadable) {
                        throw new UncheckedIOException(unreadable);
                    }
                }));
    }

    private JsonNode post(String service, String path, String token, Object body) throws Exception {
        HttpResponse<String> response = send(service, path, token, body);
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String service, String path, String token, Object body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(urls.get(service) + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String service, String path, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(urls.get(service) + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private String token(String role, String site) {
        DevTokenIssuer.Token token = issuer.token(role).name("System test " + role.toLowerCase(Locale.ROOT))
                .subject("system-test." + role.toLowerCase(Locale.ROOT));
        return (site == null ? token : token.site(site)).sign();
    }

    private static String variable(String service, String suffix) {
        return "TRIAL_" + service.toUpperCase(Locale.ROOT).replace('-', '_') + "_" + suffix;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
