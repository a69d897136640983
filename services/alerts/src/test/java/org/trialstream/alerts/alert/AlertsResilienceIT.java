package org.trialstream.alerts.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.trialstream.kernel.contract.safety.Attribution;
import org.trialstream.kernel.contract.safety.Causality;
import org.trialstream.kernel.contract.safety.ExpeditedReportKind;
import org.trialstream.kernel.contract.safety.ReportDeadline;
import org.trialstream.kernel.contract.safety.SeriousAdverseEventReported;
import org.trialstream.kernel.contract.safety.SeriousnessCriterion;
import org.trialstream.localstack.infra.LocalInfrastructure;
import org.trialstream.localstack.service.ServiceProcess;
import org.trialstream.localstack.token.DevTokenIssuer;

/**
 * The alerts service run from its jar, as in production, and treated roughly: killed with {@code kill -9} while
 * facts stream in, and left while the broker restarts. Every fact is one alert, and a subscriber that reconnects with
 * its last id gets every alert it missed, none twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertsResilienceIT {

    private static final ObjectMapper JSON = SafetyTopic.JSON;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final LocalInfrastructure infrastructure = LocalInfrastructure.start();
    private final DevTokenIssuer issuer = DevTokenIssuer.generate();
    private final String safetyOfficer = issuer.token("SAFETY_OFFICER").subject("safety-1").sign();
    private final SafetyTopic safety = new SafetyTopic(infrastructure.kafkaBootstrapServers());

    @AfterAll
    void stop() {
        safety.close();
        infrastructure.close();
    }

    @Test
    void killedWhileFactsStreamInItLosesNoAlertAndRepeatsNone() throws Exception {
        Map<String, String> environment = environment("kill");
        ServiceProcess alerts = alerts(environment).start(Duration.ofSeconds(120));
        List<String> published = new CopyOnWriteArrayList<>();
        SseClient before = SseClient.open(alerts.baseUrl() + "/alerts/stream", safetyOfficer, null);
        Thread facts = new Thread(() -> publish(300, published));
        facts.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> before.alertIds().size() >= 50);
        alerts.kill();
        before.close();
        facts.join();

        ServiceProcess restarted = alerts(environment).start(Duration.ofSeconds(120));
        try {
            String last = before.alertIds().get(before.alertIds().size() - 1);
            SseClient after = SseClient.open(restarted.baseUrl() + "/alerts/stream", safetyOfficer, last);
            await().atMost(Duration.ofSeconds(90)).until(() -> after.alertIds().containsAll(difference(published, before.alertIds())));
            after.close();
            List<String> seen = new ArrayList<>(before.alertIds());
            seen.addAll(after.alertIds());
            assertThat(seen).as("every alert reached the subscriber once across the kill")
                    .containsExactlyInAnyOrderElementsOf(published);
            assertThat(storedIds(restarted.baseUrl())).containsExactlyInAnyOrderElementsOf(published);
        } finally {
            restarted.stop();
        }
    }

    @Test
    void aBrokerRestartLosesNoAlertAndRepeatsNone() throws Exception {
        ServiceProcess alerts = alerts(environment("broker")).start(Duration.ofSeconds(120));
        try {
            SseClient subscriber = SseClient.open(alerts.baseUrl() + "/alerts/stream", safetyOfficer, null);
            List<String> published = new CopyOnWriteArrayList<>();
            publish(50, published);
            await().atMost(Duration.ofSeconds(60)).until(() -> subscriber.alertIds().size() >= 50);
            infrastructure.stopKafka();
            infrastructure.startKafka();
            publish(50, published);
            await().atMost(Duration.ofSeconds(120)).until(() -> subscriber.alertIds().size() >= 100);
            subscriber.close();
            assertThat(subscriber.alertIds()).containsExactlyInAnyOrderElementsOf(published);
            assertThat(storedIds(alerts.baseUrl())).containsExactlyInAnyOrderElementsOf(published);
        } finally {
            alerts.stop();
        }
    }

    private Map<String, String> environment(String name) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path key = issuer.writePublicKey(Path.of("target", "alerts-" + name + "-issuer.pub.pem").toAbsolutePath());
        return Map.of("TRIAL_ALERTS_PORT", String.valueOf(port),
                "TRIAL_KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers(),
                "TRIAL_MONGODB_URI", infrastructure.mongoUri(),
                "TRIAL_MONGODB_DATABASE", "alerts_" + name + "_" + UUID.randomUUID().toString().substring(0, 8),
                "TRIAL_JWT_PUBLIC_KEY", key.toString());
    }

    private static ServiceProcess alerts(Map<String, String> environment) {
        return new ServiceProcess("alerts",
                Path.of(System.getProperty("trial.alerts.jar", "target/alerts.jar")).toAbsolutePath(),
                Integer.parseInt(environment.get("TRIAL_ALERTS_PORT")), environment,
                Path.of("target", "alerts-" + environment.get("TRIAL_MONGODB_DATABASE") + ".log"));
    }

    /** Publishes serious adverse events as safety does, each with a new event id, and notes the ids. */
    private void publish(int count, List<String> published) {
        for (int i = 0; i < count; i++) {
            UUID patient = UUID.randomUUID();
            published.add(safety.publish(new SeriousAdverseEventReported(patient, UUID.randomUUID(), "RJH", "S-" + i,
                    "Sepsis", "10040047", 3, List.of(SeriousnessCriterion.HOSPITALISATION), LocalDate.now(), true,
                    new Attribution(Causality.UNRELATED, Causality.UNRELATED), false,
                    List.of(new ReportDeadline(ExpeditedReportKind.INITIAL, LocalDate.now().plusDays(1))), false)));
        }
    }

    private List<String> storedIds(String baseUrl) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/alerts"))
                .header("Authorization", "Bearer " + safetyOfficer).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        JSON.readTree(response.body()).forEach(alert -> ids.add(alert.path("id").asText()));
        return ids;
    }

    private static Set<String> difference(List<String> all, List<String> seen) {
        Set<String> missing = new HashSet<>(all);
        seen.forEach(missing::remove);
        return missing;
    }
}
