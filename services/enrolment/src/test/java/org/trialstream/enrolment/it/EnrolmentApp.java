package org.trialstream.enrolment.it;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.trialstream.enrolment.EnrolmentApplication;
import org.trialstream.kernel.security.Role;
import org.trialstream.localstack.infra.Infrastructure;
import org.trialstream.localstack.token.DevTokenIssuer;
import org.trialstream.support.testing.SecurityMatrixCheck;
import org.trialstream.support.testing.ServiceApp;

/** The enrolment service in the test JVM on the given infrastructure, posting as the home site's investigator. */
final class EnrolmentApp implements AutoCloseable {

    static final ObjectMapper JSON = ServiceApp.JSON;

    private final ServiceApp app;
    private final String investigator;

    private EnrolmentApp(ServiceApp app, String investigator) {
        this.app = app;
        this.investigator = investigator;
    }

    static EnrolmentApp start(Infrastructure infrastructure, Infrastructure.Database database, DevTokenIssuer issuer,
                              Path publicKey, Map<String, String> more) {
        Map<String, String> settings = new LinkedHashMap<>(Map.of(
                "trial.security.public-key", publicKey.toString(),
                "spring.datasource.url", database.jdbcUrl(),
                "spring.datasource.username", database.user(),
                "spring.datasource.password", database.password(),
                "axon.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers()));
        settings.putAll(more);
        String investigator = issuer.token(Role.INVESTIGATOR.name()).site(SecurityMatrixCheck.HOME_SITE)
                .subject("investigator-1").name("Dr Investigator").sign();
        return new EnrolmentApp(ServiceApp.start(EnrolmentApplication.class, settings), investigator);
    }

    <T> T bean(Class<T> type) {
        return app.bean(type);
    }

    String baseUrl() {
        return app.baseUrl();
    }

    /** As the investigator of the home site. */
    ServiceApp.Response post(String path, Object body) {
        return post(path, body, investigator);
    }

    ServiceApp.Response post(String path, Object body, String token) {
        return post(path, body, token, "*");
    }

    ServiceApp.Response post(String path, Object body, String token, String ifMatch) {
        return app.post(path, body, token, ifMatch);
    }

    ServiceApp.Response raw(String method, String target, String token) {
        return app.raw(method, target, token);
    }

    @Override
    public void close() {
        app.close();
    }
}
