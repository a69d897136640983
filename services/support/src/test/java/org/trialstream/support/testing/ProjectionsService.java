package org.trialstream.support.testing;

import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.trialstream.localstack.infra.Infrastructure;
import org.trialstream.localstack.service.ServiceProcess;

/**
 * The projections service run from its jar (system property {@code trial.projections.jar}) beside a command service
 * under test, on the same broker and its own MongoDB database: the read side of a command service's facts.
 */
public final class ProjectionsService implements AutoCloseable {

    private final ServiceProcess process;

    private ProjectionsService(ServiceProcess process) {
        this.process = process;
    }

    /** Starts it trusting the tokens of {@code publicKey}, its read models in the database {@code mongoDatabase}. */
    public static ProjectionsService start(Infrastructure infrastructure, Path publicKey, String mongoDatabase) {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (Exception e) {
            throw new IllegalStateException("no free port", e);
        }
        ServiceProcess process = new ServiceProcess("projections",
                Path.of(System.getProperty("trial.projections.jar", "../projections/target/projections.jar")), port,
                Map.of("TRIAL_PROJECTIONS_PORT", String.valueOf(port),
                        "TRIAL_JWT_PUBLIC_KEY", publicKey.toString(),
                        "TRIAL_KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers(),
                        "TRIAL_MONGODB_URI", infrastructure.mongoUri(),
                        "TRIAL_MONGODB_DATABASE", mongoDatabase),
                Path.of("target", mongoDatabase + "-projections.log"));
        process.start(Duration.ofSeconds(120));
        return new ProjectionsService(process);
    }

    /** The body of {@code GET path}, whatever its status. */
    public JsonNode read(String path, String token) {
        String url = process.baseUrl() + path;
        return ServiceApp.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token),
                "GET " + url).body();
    }

    /** The body of {@code GET path} as text, for what is not one JSON document (HTML, CSV, JSON Lines). */
    public String readText(String path, String token) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(process.baseUrl() + path))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        }
    }

    /** Rebuilds {@code projection} from offset 0 and waits until it is live again. */
    public void rebuild(String projection, String administratorToken) {
        String path = "/admin/rebuild/" + projection;
        int generation = ServiceApp.send(HttpRequest.newBuilder(URI.create(process.baseUrl() + path))
                        .header("Authorization", "Bearer " + administratorToken)
                        .POST(HttpRequest.BodyPublishers.noBody()), "POST " + path)
                .body().path("generation").asInt();
        await().atMost(Duration.ofSeconds(60)).until(() -> read(path, administratorToken),
                rebuild -> "LIVE".equals(rebuild.path("state").asText())
                        && rebuild.path("generation").asInt() >= generation);
    }

    @Override
    public void close() {
        process.stop();
    }
}
