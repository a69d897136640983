package org.trialstream.localstack.simulate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import org.trialstream.localstack.Processes;
import org.trialstream.localstack.token.DevTokenIssuer;

/**
 * The services' public APIs as site staff reach them: each call with a token for the role (and site) that may make
 * it. A refusal the simulation did not expect stops it with the service's problem+json body.
 */
final class Api {

    /** Dates as ISO text ({@code 2024-01-08}), the way the APIs take them. */
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new SimpleModule()
            .addSerializer(LocalDate.class, ToStringSerializer.instance));

    /** How long a fact may take to reach the service or the view that must react to it. */
    private static final Duration PROPAGATION = Duration.ofSeconds(90);
    /** How often a refused or not yet visible request is tried again. */
    private static final Duration INTERVAL = Duration.ofMillis(200);

    /** A request the services refused, or could not answer. */
    static final class Refused extends RuntimeException {
        final int status;
        final String body;

        Refused(String request, int status, String body) {
            super(request + " -> " + status + " " + body);
            this.status = status;
            this.body = body;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, String> baseUrls;
    private final DevTokenIssuer issuer;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    final AtomicLong requests = new AtomicLong();

    /** @param baseUrls service name to base URL: enrolment, follow-up, safety, dosing, radiotherapy, projections */
    Api(Map<String, String> baseUrls, DevTokenIssuer issuer) {
        this.baseUrls = baseUrls;
        this.issuer = issuer;
    }

    /** A POST that must succeed; 404 is waited out while the service has not yet learnt of the patient. */
    JsonNode post(String service, String path, String role, String site, Object body) {
        return askedAgainWhile(refused -> refused.status == 404, () -> send(service, path, role, site, body));
    }

    /** A POST whose refusal the caller expects and judges. */
    int postExpectingRefusal(String service, String path, String role, String site, Object body) {
        try {
            send(service, path, role, site, body);
            return 200;
        } catch (Refused refused) {
            return refused.status;
        }
    }

    /**
     * A read; while the service does not answer at all (it is restarting), it is asked again. Writes are not: a
     * write whose answer was lost may have been recorded, and only the site can tell.
     */
    JsonNode get(String service, String path, String role, String site) {
        return askedAgainWhile(refused -> refused.status == 0, () -> send(service, path, role, site, null));
    }

    String getText(String service, String path, String role, String site) {
        return askedAgainWhile(refused -> refused.status == 0, () -> exchange(service, path, role, site, null).body());
    }

    /** Reads a view until it shows what the simulation sent. */
    JsonNode await(String service, String path, String role, String site, Predicate<JsonNode> shows) {
        AtomicReference<JsonNode> view = new AtomicReference<>();
        boolean shown = Processes.awaitReady(() -> {
            view.set(get(service, path, role, site));
            return shows.test(view.get());
        }, INTERVAL, PROPAGATION);
        if (!shown) {
            throw new IllegalStateException("GET " + service + path + " did not show what was sent within "
                    + PROPAGATION.toSeconds() + " s: " + view.get());
        }
        return view.get();
    }

    /** The request's answer, asked again every {@link #INTERVAL} for up to {@link #PROPAGATION} while refused so. */
    private static <T> T askedAgainWhile(Predicate<Refused> retried, Supplier<T> request) {
        AtomicReference<T> answer = new AtomicReference<>();
        AtomicReference<Refused> last = new AtomicReference<>();
        boolean answered = Processes.awaitReady(() -> {
            try {
                answer.set(request.get());
                return true;
            } catch (Refused refused) {
                if (!retried.test(refused)) {
                    throw refused;
                }
                last.set(refused);
                return false;
            }
        }, INTERVAL, PROPAGATION);
        if (!answered) {
            throw last.get();
        }
        return answer.get();
    }

    private JsonNode send(String service, String path, String role, String site, Object body) {
        HttpResponse<String> response = exchange(service, path, role, site, body);
        try {
            return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new Refused((body == null ? "GET " : "POST ") + service + path, response.statusCode(),
                    "unreadable body: " + response.body());
        }
    }

    private HttpResponse<String> exchange(String service, String path, String role, String site, Object body) {
        String request = (body == null ? "GET " : "POST ") + service + path;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrls.get(service) + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token(role, site));
            if (body != null) {
                builder.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            requests.incrementAndGet();
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new Refused(request + (body == null ? "" : " " + JSON.writeValueAsString(body)),
                        response.statusCode(), response.body());
            }
            return response;
        } catch (IOException e) {
            throw new Refused(request, 0, "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused(request, 0, "interrupted");
        }
    }

    private String token(String role, String site) {
        return tokens.computeIfAbsent(role + "@" + site, key -> {
            DevTokenIssuer.Token token = issuer.token(role).name("Simulated " + role.toLowerCase().replace('_', ' '))
                    .subject("sim." + role.toLowerCase() + (site == null ? "" : "." + site.toLowerCase()))
                    .expiresAt(Instant.now().plus(Duration.ofHours(12)));
            return (site == null ? token : token.site(site)).sign();
        });
    }
}
