package org.trialstream.enrolment.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.trialstream.enrolment.EnrolmentApplication;
import org.trialstream.kernel.security.Role;
import org.trialstream.localstack.infra.Infrastructure;
import org.trialstream.localstack.token.DevTokenIssuer;
import org.trialstream.support.testing.SecurityMatrixCheck;

/** The enrolment service started in the test JVM on the given infrastructure, and a small HTTP client for it. */
final class EnrolmentApp implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final ConfigurableApplicationContext context;
    private final String baseUrl;
    private final String investigator;

    private EnrolmentApp(ConfigurableApplicationContext context, String investigator) {
        this.context = context;
        this.baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
        this.investigator = investigator;
    }

    static EnrolmentApp start(Infrastructure infrastructure, Infrastructure.Database database, DevTokenIssuer issuer,
                              Path publicKey) {
        String investigator = issuer.token(Role.INVESTIGATOR.name()).site(SecurityMatrixCheck.HOME_SITE)
                .subject("investigator-1").name("Dr Investigator").sign();
        // Arguments, so that they win over application.yml as the environment variables of a deployment would.
        return new EnrolmentApp(new SpringApplicationBuilder(EnrolmentApplication.class).run(
                "--server.port=0",
                "--trial.security.public-key=" + publicKey,
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--axon.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "--spring.main.banner-mode=off"), investigator);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    String baseUrl() {
        return baseUrl;
    }

    /** As the investigator of the home site. */
    Response post(String path, Object body) {
        return post(path, body, investigator);
    }

    Response post(String path, Object body, String token) {
        return post(path, body, token, "*");
    }

    Response post(String path, Object body, String token, String ifMatch) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + token)
                            .header("If-Match", ifMatch)
                            .POST(HttpRequest.BodyPublishers.ofString(body instanceof String text
                                    ? text : JSON.writeValueAsString(body)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body()));
        } catch (Exception e) {
            throw new IllegalStateException("POST " + path + " failed", e);
        }
    }

    @Override
    public void close() {
        context.close();
    }

    record Response(int status, String contentType, JsonNode body) {
    }
}
