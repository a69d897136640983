package org.trialstream.alerts.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.trialstream.kernel.contract.BoundedContext;
import org.trialstream.kernel.contract.ContractRecordHeaders;
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

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final LocalInfrastructure infrastructure = LocalInfrastructure.start();
    private final DevTokenIssuer issuer = DevTokenIssuer.generate();
    private final String safetyOfficer = issuer.token("SAFETY_OFFICER").subject("safety-1").sign();
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));

    @AfterAll
    void stop() {
        producer.close();
        infrastructure.close();
    }

    @Test
    void killedWhileFactsStreamInItLosesNoAlertAndRepeatsNone() throws Exception {
        Map<String, String> environment = environment("kill");
        ServiceProcess alerts = alerts(environment).start(Duration.ofSeconds(120));
        List<String> published = new CopyOnWriteArrayList<>();
        Subscriber before = new Subscriber(alerts.baseUrl(), null);
        Thread facts = new Thread(() -> publish(300, published));
        facts.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> before.ids.size() >= 50);
        alerts.kill();
        before.close();
        facts.join();

        ServiceProcess restarted = alerts(environment).start(Duration.ofSeconds(120));
        try {
            String last = before.ids.get(before.ids.size() - 1);
            Subscriber after = new Subscriber(restarted.baseUrl(), last);
            await().atMost(Duration.ofSeconds(90)).until(() -> after.ids.containsAll(difference(published, before.ids)));
            after.close();
            List<String> seen = new ArrayList<>(before.ids);
            seen.addAll(after.ids);
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
            Subscriber subscriber = new Subscriber(alerts.baseUrl(), null);
            List<String> published = new CopyOnWriteArrayList<>();
            publish(50, published);
            await().atMost(Duration.ofSeconds(60)).until(() -> subscriber.ids.size() >= 50);
            infrastructure.stopKafka();
            infrastructure.startKafka();
            publish(50, published);
            await().atMost(Duration.ofSeconds(120)).until(() -> subscriber.ids.size() >= 100);
            subscriber.close();
            assertThat(subscriber.ids).containsExactlyInAnyOrderElementsOf(published);
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
        try {
            for (int i = 0; i < count; i++) {
                UUID patient = UUID.randomUUID();
                SeriousAdverseEventReported sae = new SeriousAdverseEventReported(patient, UUID.randomUUID(), "RJH",
                        "S-" + i, "Sepsis", "10040047", 3, List.of(SeriousnessCriterion.HOSPITALISATION),
                        LocalDate.now(), true, new Attribution(Causality.UNRELATED, Causality.UNRELATED), false,
                        List.of(new ReportDeadline(ExpeditedReportKind.INITIAL, LocalDate.now().plusDays(1))), false);
                String eventId = UUID.randomUUID().toString();
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(BoundedContext.SAFETY.topic(),
                        sae.recordKey(), JSON.writeValueAsBytes(sae));
                new ContractRecordHeaders("safety.SeriousAdverseEventReported", 1, eventId, Instant.now(), 1L, Map.of())
                        .toHeaders().forEach((name, value) -> record.headers().add(name, value));
                producer.send(record).get(120, TimeUnit.SECONDS);
                published.add(eventId);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
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

    /** An SSE subscriber that notes the id of every alert it receives. */
    private final class Subscriber implements AutoCloseable {

        final List<String> ids = new CopyOnWriteArrayList<>();
        private volatile InputStream stream;

        Subscriber(String baseUrl, String lastEventId) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/alerts/stream"))
                    .header("Accept", "text/event-stream").header("Authorization", "Bearer " + safetyOfficer);
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            Thread reader = new Thread(() -> {
                try {
                    stream = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()).body();
                    BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        if (line.startsWith("data:")) {
                            JsonNode alert = JSON.readTree(line.substring(5).strip());
                            ids.add(alert.path("id").asText());
                        }
                    }
                } catch (Exception ended) {
                    // the service was killed, or the test closed the stream
                }
            }, "sse-subscriber");
            reader.setDaemon(true);
            reader.start();
        }

        @Override
        public void close() throws Exception {
            if (stream != null) {
                stream.close();
            }
        }
    }
}
