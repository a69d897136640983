package org.trialstream.alerts.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.trialstream.kernel.contract.TrialEvent;
import org.trialstream.kernel.contract.safety.Attribution;
import org.trialstream.kernel.contract.safety.Causality;
import org.trialstream.kernel.contract.safety.ExpeditedReportKind;
import org.trialstream.kernel.contract.safety.ExpeditedReportOverdue;
import org.trialstream.kernel.contract.safety.ReportDeadline;
import org.trialstream.kernel.contract.safety.SeriousAdverseEventReported;
import org.trialstream.kernel.contract.safety.SeriousnessCriterion;
import org.trialstream.localstack.infra.LocalInfrastructure;
import org.trialstream.localstack.token.DevTokenIssuer;

/**
 * The alerts service under Micronaut Test, on the real broker and the MongoDB-compatible server: safety's facts
 * published as safety publishes them become alerts pushed to subscribers, kept, acknowledged and escalated.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertsIT implements TestPropertyProvider {

    private static final ObjectMapper JSON = SafetyTopic.JSON;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final LocalInfrastructure infrastructure = LocalInfrastructure.start();
    private final DevTokenIssuer issuer = DevTokenIssuer.generate();
    private final SafetyTopic safety = new SafetyTopic(infrastructure.kafkaBootstrapServers());
    private final String safetyOfficer = issuer.token("SAFETY_OFFICER").subject("safety-1").name("Dr Safety").sign();
    private final String monitor = issuer.token("MONITOR").subject("monitor-1").sign();
    private final String investigator = issuer.token("INVESTIGATOR").site("RJH").subject("inv-1").sign();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Path key = issuer.writePublicKey(Path.of("target", "alerts-it-issuer.pub.pem").toAbsolutePath());
        return Map.of(
                "micronaut.server.port", "-1",
                "kafka.bootstrap.servers", infrastructure.kafkaBootstrapServers(),
                "trial.mongodb.uri", infrastructure.mongoUri(),
                "trial.mongodb.database", "alerts_it_" + UUID.randomUUID().toString().substring(0, 8),
                "trial.security.public-key", key.toString(),
                "trial.alerts.acknowledge-within", "3s",
                "trial.alerts.escalation-check", "500ms");
    }

    @AfterAll
    void stop() {
        safety.close();
        infrastructure.close();
    }

    @Test
    void aSeriousAdverseEventIsPushedAtOnceToEverySubscribedSafetyOfficer() throws Exception {
        try (SseClient first = SseClient.open(url("/alerts/stream"), safetyOfficer, null);
             SseClient second = SseClient.open(url("/alerts/stream"), monitor, null)) {
            String eventId = publish(sae("Pneumonitis", 3));
            JsonNode alert = first.awaitEvent(eventId).data();
            assertThat(second.awaitEvent(eventId).data().path("id").asText()).isEqualTo(eventId);
            assertThat(alert.path("kind").asText()).isEqualTo("SERIOUS_ADVERSE_EVENT");
            assertThat(alert.path("term").asText()).isEqualTo("Pneumonitis");
            assertThat(alert.path("grade").asInt()).isEqualTo(3);
            assertThat(alert.path("screeningNumber").asText()).startsWith("S-");
            assertThat(alert.path("siteId").asText()).isEqualTo("RJH");
            assertThat(alert.path("criteria").get(0).asText()).isEqualTo("HOSPITALISATION");
            assertThat(alert.path("deadlines").get(0).path("kind").asText()).isEqualTo("INITIAL");
            assertThat(alert.toString()).doesNotContain("name");
        }
    }

    @Test
    void aWebSocketSubscriberGetsTheSameAlertsAndResumesAfterItsLastId() throws Exception {
        BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        java.net.http.WebSocket.Listener listener = new java.net.http.WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket socket, CharSequence part,
                                                                   boolean last) {
                text.append(part);
                if (last) {
                    try {
                        messages.add(JSON.readTree(text.toString()));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    text.setLength(0);
                }
                socket.request(1);
                return null;
            }
        };
        java.net.http.WebSocket socket = HTTP.newWebSocketBuilder()
                .header("Authorization", "Bearer " + safetyOfficer)
                .buildAsync(URI.create("ws://127.0.0.1:" + server.getPort() + "/alerts/ws"), listener)
                .get(10, TimeUnit.SECONDS);
        String eventId = publish(sae("Dysphonia", 2));
        JsonNode message;
        do {
            message = messages.poll(30, TimeUnit.SECONDS);
            assertThat(message).as("a message within 30 s").isNotNull();
        } while (!message.path("id").asText().equals(eventId));
        assertThat(message.path("alert").path("term").asText()).isEqualTo("Dysphonia");
        socket.sendClose(java.net.http.WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);

        String missed = publish(sae("Epistaxis", 2));
        BlockingQueue<JsonNode> resumed = messages;
        resumed.clear();
        java.net.http.WebSocket again = HTTP.newWebSocketBuilder()
                .header("Authorization", "Bearer " + safetyOfficer)
                .buildAsync(URI.create("ws://127.0.0.1:" + server.getPort() + "/alerts/ws?lastEventId=" + eventId),
                        listener)
                .get(10, TimeUnit.SECONDS);
        JsonNode first = resumed.poll(30, TimeUnit.SECONDS);
        assertThat(first).isNotNull();
        assertThat(first.path("id").asText()).as("the first message after the last one seen").isEqualTo(missed);
        again.sendClose(java.net.http.WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);

        java.util.concurrent.CompletableFuture<java.net.http.WebSocket> anonymous = HTTP.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + server.getPort() + "/alerts/ws"), listener);
        assertThat(anonymous).failsWithin(Duration.ofSeconds(10));
    }

    @Test
    void aReconnectingClientGetsWhatItMissedInOrder() throws Exception {
        String first = publish(sae("Hypertension", 3));
        await().atMost(Duration.ofSeconds(30)).until(() -> alertIds(get("/alerts", safetyOfficer)).contains(first));
        String second = publish(sae("Proteinuria", 3));
        String third = publish(sae("Hemorrhage", 3));
        await().atMost(Duration.ofSeconds(30)).until(() -> alertIds(get("/alerts", safetyOfficer)).contains(third));

        try (SseClient reconnected = SseClient.open(url("/alerts/stream"), safetyOfficer, first)) {
            List<String> received = new ArrayList<>();
            while (!received.contains(third)) {
                received.add(reconnected.next().id());
            }
            assertThat(received).doesNotContain(first).containsSubsequence(second, third);
            assertThat(received.indexOf(second)).isLessThan(received.indexOf(third));
        }
    }

    @Test
    void aFactReadTwiceIsOneAlert() throws Exception {
        SeriousAdverseEventReported fact = sae("Colitis", 3);
        String eventId = UUID.randomUUID().toString();
        publish(eventId, fact);
        publish(eventId, fact);
        String later = publish(sae("Fatigue", 3));
        await().atMost(Duration.ofSeconds(30)).until(() -> alertIds(get("/alerts", safetyOfficer)).contains(later));
        assertThat(alertIds(get("/alerts", safetyOfficer)).stream().filter(eventId::equals)).hasSize(1);
    }

    @Test
    void anUnacknowledgedAlertEscalatesAndStaysOpenUntilAcknowledged() throws Exception {
        try (SseClient officer = SseClient.open(url("/alerts/stream"), safetyOfficer, null)) {
            String eventId = publish(sae("Sepsis", 4));
            officer.awaitEvent(eventId);
            SseClient.SseEvent escalation = officer.awaitEvent(eventId + ":escalated");
            assertThat(escalation.name()).isEqualTo("escalation");
            assertThat(escalation.data().path("state").asText()).isEqualTo("ESCALATED");
        }
        String escalated = alertIds(get("/alerts?state=ESCALATED", monitor)).get(0);
        HttpResponse<String> byMonitor = post("/alerts/" + escalated + "/acknowledgement", monitor);
        assertThat(byMonitor.statusCode()).as("monitors only read").isEqualTo(403);
        HttpResponse<String> acknowledged = post("/alerts/" + escalated + "/acknowledgement", safetyOfficer);
        assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(200);
        JsonNode alert = JSON.readTree(acknowledged.body());
        assertThat(alert.path("state").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(alert.path("acknowledgedBy").asText()).contains("safety-1");
        assertThat(alert.path("acknowledgedAt").asText()).isNotBlank();
        HttpResponse<String> again = post("/alerts/" + escalated + "/acknowledgement", safetyOfficer);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(alertIds(get("/alerts?state=ACKNOWLEDGED", safetyOfficer))).contains(escalated);
    }

    @Test
    void anOverdueReportIsAnAlertToo() throws Exception {
        UUID patient = UUID.randomUUID();
        String eventId = publish(new ExpeditedReportOverdue(patient, UUID.randomUUID(), "RJH", "S-9", "Sepsis",
                ExpeditedReportKind.INITIAL, LocalDate.now().minusDays(1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> alertIds(get("/alerts", safetyOfficer)).contains(eventId));
        JsonNode alerts = JSON.readTree(get("/alerts", safetyOfficer).body());
        for (JsonNode alert : alerts) {
            if (alert.path("id").asText().equals(eventId)) {
                assertThat(alert.path("kind").asText()).isEqualTo("REPORT_OVERDUE");
                assertThat(alert.path("deadlines").get(0).path("dueOn").asText())
                        .isEqualTo(LocalDate.now().minusDays(1).toString());
            }
        }
    }

    @Test
    void onlySafetyOfficersAndMonitorsMayReadAndEveryOtherCallerIsRefused() throws Exception {
        assertThat(get("/alerts", monitor).statusCode()).isEqualTo(200);
        assertThat(get("/alerts", null).statusCode()).isEqualTo(401);
        HttpResponse<String> forbidden = get("/alerts", investigator);
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        for (String role : List.of("INVESTIGATOR", "RESEARCH_NURSE", "PHARMACIST", "RADIATION_ONCOLOGIST",
                "STATISTICIAN", "ADMINISTRATOR")) {
            String token = issuer.token(role).site("RJH").sign();
            assertThat(get("/alerts", token).statusCode()).as(role + " lists").isEqualTo(403);
            assertThat(get("/alerts/stream", token).statusCode()).as(role + " subscribes").isEqualTo(403);
            assertThat(post("/alerts/x/acknowledgement", token).statusCode()).as(role + " acknowledges")
                    .isEqualTo(403);
        }
        DevTokenIssuer stranger = DevTokenIssuer.generate();
        Map<String, String> untrustworthy = Map.of(
                "expired", issuer.token("SAFETY_OFFICER").expiresAt(Instant.now().minusSeconds(120)).sign(),
                "without expiry", issuer.token("SAFETY_OFFICER").expiresAt(null).sign(),
                "not yet valid", issuer.token("SAFETY_OFFICER").notBefore(Instant.now().plusSeconds(3600)).sign(),
                "wrong issuer", issuer.token("SAFETY_OFFICER").issuer("https://idp.example.org/other").sign(),
                "wrong audience", issuer.token("SAFETY_OFFICER").audience("another-system").sign(),
                "signed by an unknown key", stranger.token("SAFETY_OFFICER").sign(),
                "alg none", unsigned(safetyOfficer),
                "tampered", tampered(safetyOfficer));
        untrustworthy.forEach((what, token) -> assertThat(get("/alerts", token).statusCode()).as(what).isEqualTo(401));
        HttpResponse<String> badState = get("/alerts?state=LOST", safetyOfficer);
        assertThat(badState.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badState.body()).path("errors").get(0).path("field").asText()).isEqualTo("state");
        assertThat(post("/alerts/" + UUID.randomUUID() + "/acknowledgement", safetyOfficer).statusCode())
                .isEqualTo(404);
        for (HttpResponse<String> hostile : List.of(get("/no-such-path", safetyOfficer),
                post("/alerts", safetyOfficer), get("/alerts/x/acknowledgement", safetyOfficer))) {
            assertThat(hostile.statusCode()).as(hostile.uri() + " " + hostile.body()).isBetween(400, 499);
            assertThat(hostile.headers().firstValue("Content-Type").orElse("")).as(hostile.uri().toString())
                    .startsWith("application/problem+json");
        }
    }

    // ---- helpers ----

    private SeriousAdverseEventReported sae(String term, int grade) {
        UUID patient = UUID.randomUUID();
        LocalDate aware = LocalDate.now();
        return new SeriousAdverseEventReported(patient, UUID.randomUUID(), "RJH", "S-" + patient.toString()
                .substring(0, 6), term, "10000000", grade, List.of(SeriousnessCriterion.HOSPITALISATION), aware, true,
                new Attribution(Causality.PROBABLE, Causality.UNLIKELY), false,
                List.of(new ReportDeadline(ExpeditedReportKind.INITIAL, aware.plusDays(1))), false);
    }

    private String publish(TrialEvent fact) {
        return safety.publish(fact);
    }

    private void publish(String eventId, TrialEvent fact) {
        safety.publish(eventId, fact);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    private HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(10));
        if (path.endsWith("/stream")) {
            request.header("Accept", "text/event-stream");
        }
        return send(token == null ? request : request.header("Authorization", "Bearer " + token));
    }

    private HttpResponse<String> post(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).POST(HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + token));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> alertIds(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        JSON.readTree(response.body()).forEach(alert -> ids.add(alert.path("id").asText()));
        return ids;
    }

    private static String unsigned(String jwt) {
        String[] parts = jwt.split("\\.");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
    }

    private static String tampered(String jwt) {
        String[] parts = jwt.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replaceFirst("\"sub\":\"[^\"]*\"", "\"sub\":\"intruder\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }
}
