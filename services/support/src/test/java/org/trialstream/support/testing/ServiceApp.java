package org.trialstream.support.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring Boot service started in the test JVM on real infrastructure, and a small HTTP client for it. Settings are
 * passed as arguments, so that they win over application.yml as a deployment's environment variables would.
 */
public final class ServiceApp implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ConfigurableApplicationContext context;
    private final String baseUrl;

    private ServiceApp(ConfigurableApplicationContext context) {
        this.context = context;
        this.baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    /** Starts {@code application} on a free port with the given {@code --key=value} settings. */
    public static ServiceApp start(Class<?> application, Map<String, String> settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off"));
        settings.forEach((key, value) -> args.add("--" + key + "=" + value));
        return new ServiceApp(new SpringApplicationBuilder(application).run(args.toArray(String[]::new)));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Response post(String path, Object body, String token) {
        return post(path, body, token, null);
    }

    public Response post(String path, Object body, String token, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : json(body)));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(authorised(request, token), "POST " + path);
    }

    public Response get(String path, String token) {
        return send(authorised(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), token), "GET " + path);
    }

    private static HttpRequest.Builder authorised(HttpRequest.Builder request, String token) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    public static Response send(HttpRequest.Builder request, String what) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            } catch (Exception notJson) {
                body = JSON.getNodeFactory().textNode(response.body());
            }
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    body);
        } catch (Exception e) {
            throw new IllegalStateException(what + " failed", e);
        }
    }

    /**
     * Sends a request line as written, byte for byte, for targets {@link java.net.URI} would refuse to build (an
     * unencoded {@code [} in the query, a bad escape): what a hostile client can send.
     */
    public Response raw(String method, String target, String token) {
        URI base = URI.create(baseUrl);
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            String request = method + " " + target + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/json"
                    + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            String contentType = response.lines().takeWhile(line -> !line.isEmpty())
                    .filter(line -> line.toLowerCase().startsWith("content-type:"))
                    .map(line -> line.substring("content-type:".length()).strip()).findFirst().orElse("");
            int bodyStart = response.indexOf("\r\n\r\n");
            String body = bodyStart < 0 ? "" : response.substring(bodyStart + 4);
            return new Response(status, contentType, JSON.getNodeFactory().textNode(body));
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + target + " failed", e);
        }
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }

    /** An answer; {@link #isProblem} checks the problem+json shape every refusal has. */
    public record Response(int status, String contentType, JsonNode body) {

        /** Whether this is a problem+json answer of {@code status} whose {@code errors} name {@code field}. */
        public boolean isProblem(int expectedStatus, String field) {
            if (status != expectedStatus || !contentType.startsWith("application/problem+json")) {
                return false;
            }
            for (JsonNode error : body.path("errors")) {
                if (error.path("field").asText().equals(field) && !error.path("rule").asText().isBlank()) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }
}
