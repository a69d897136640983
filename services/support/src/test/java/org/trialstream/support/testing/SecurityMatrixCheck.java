package org.trialstream.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.trialstream.kernel.security.Role;
import org.trialstream.localstack.token.DevTokenIssuer;
import org.trialstream.support.security.EndpointPermission;

/**
 * Checks a running service against its permission matrix, for every operation its own OpenAPI document lists, so
 * that a new endpoint cannot escape: it must be in the matrix, and the matrix must hold at the door.
 */
public final class SecurityMatrixCheck {

    public static final String HOME_SITE = "RJH";
    public static final String OTHER_SITE = "OTH";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final DevTokenIssuer issuer;
    private final List<EndpointPermission> matrix;
    private final Function<EndpointPermission, String> validBody;
    private final Map<String, String> pathValues;

    /**
     * @param validBody  a request body that passes validation for an operation (null for none)
     * @param pathValues a value for every path variable of the matrix, naming records of a patient of
     *                   {@link #HOME_SITE}: {@code patientId}, {@code adverseEventId}...
     */
    public SecurityMatrixCheck(String baseUrl, DevTokenIssuer issuer, List<EndpointPermission> matrix,
                               Function<EndpointPermission, String> validBody, Map<String, String> pathValues) {
        this.baseUrl = baseUrl;
        this.issuer = issuer;
        this.matrix = matrix;
        this.validBody = validBody;
        this.pathValues = Map.copyOf(pathValues);
    }

    /** The path with every variable filled in; a variable the check was given no value for fails the test. */
    String pathOf(EndpointPermission permission) {
        Matcher variable = Pattern.compile("\\{([^/}]+)}").matcher(permission.path());
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            String value = pathValues.get(variable.group(1));
            assertThat(value).as("a value for {" + variable.group(1) + "} in " + permission.path()).isNotNull();
            variable.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        return variable.appendTail(path).toString();
    }

    /** Every operation of the OpenAPI document, as "METHOD /path". */
    public List<String> documentedOperations() throws Exception {
        HttpResponse<String> docs = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).as("the OpenAPI document is open").isEqualTo(200);
        List<String> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = JSON.readTree(docs.body()).path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> operations.add(
                    method.toUpperCase() + " " + path.getKey()));
        }
        return operations;
    }

    public void everyDocumentedOperationIsInTheMatrix() throws Exception {
        List<String> documented = documentedOperations();
        assertThat(documented).isNotEmpty();
        assertThat(documented).containsExactlyInAnyOrderElementsOf(
                matrix.stream().map(p -> p.method().name() + " " + p.path()).toList());
    }

    public void anonymousCallsAreRefusedWith401() throws Exception {
        for (EndpointPermission permission : matrix) {
            assertThat(call(permission, null).statusCode()).as(describe(permission, "anonymous")).isEqualTo(401);
        }
    }

    public void rolesWithoutTheRightAreRefusedWith403() throws Exception {
        for (EndpointPermission permission : matrix) {
            for (Role role : EnumSet.complementOf(EnumSet.copyOf(permission.roles()))) {
                String token = token(role, HOME_SITE).sign();
                assertThat(call(permission, token).statusCode()).as(describe(permission, role.name())).isEqualTo(403);
            }
        }
    }

    public void staffOfAnotherSiteFindNoPatient() throws Exception {
        for (EndpointPermission permission : matrix) {
            if (!permission.patientScoped()) {
                continue;
            }
            for (Role role : permission.roles()) {
                if (role.isSiteStaff()) {
                    HttpResponse<String> response = call(permission, token(role, OTHER_SITE).sign(), null);
                    assertThat(response.statusCode()).as(describe(permission, role + "@" + OTHER_SITE) + " "
                            + response.body()).isEqualTo(404);
                    // Not even a version conflict may tell them the patient exists.
                    HttpResponse<String> stale = call(permission, token(role, OTHER_SITE).sign(), "\"999\"");
                    assertThat(stale.statusCode()).as(describe(permission, role + "@" + OTHER_SITE + " If-Match")
                            + " " + stale.body()).isEqualTo(404);
                }
            }
        }
    }

    public void untrustworthyTokensAreRefusedWith401() throws Exception {
        DevTokenIssuer stranger = DevTokenIssuer.generate();
        for (EndpointPermission permission : matrix) {
            Role allowed = permission.roles().iterator().next();
            Map<String, String> tokens = Map.of(
                    "expired", token(allowed, HOME_SITE).expiresAt(Instant.now().minusSeconds(120)).sign(),
                    "without expiry", token(allowed, HOME_SITE).expiresAt(null).sign(),
                    "not yet valid", token(allowed, HOME_SITE).notBefore(Instant.now().plusSeconds(3600)).sign(),
                    "wrong issuer", token(allowed, HOME_SITE).issuer("https://idp.example.org/other").sign(),
                    "wrong audience", token(allowed, HOME_SITE).audience("another-system").sign(),
                    "signed by an unknown key", stranger.token(allowed.name()).site(HOME_SITE).sign(),
                    "alg none", unsigned(token(allowed, HOME_SITE).sign()),
                    "tampered", tampered(token(allowed, HOME_SITE).sign()));
            for (Map.Entry<String, String> bad : tokens.entrySet()) {
                assertThat(call(permission, bad.getValue()).statusCode())
                        .as(describe(permission, bad.getKey())).isEqualTo(401);
            }
        }
    }

    public DevTokenIssuer.Token token(Role role, String site) {
        DevTokenIssuer.Token token = issuer.token(role.name()).name("Test " + role.name().toLowerCase());
        return role.isSiteStaff() ? token.site(site) : token;
    }

    private HttpResponse<String> call(EndpointPermission permission, String token) throws Exception {
        return call(permission, token, null);
    }

    private HttpResponse<String> call(EndpointPermission permission, String token, String ifMatch)
            throws Exception {
        String path = pathOf(permission);
        String body = Optional.ofNullable(validBody.apply(permission)).orElse("");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .method(permission.method().name(), body.isEmpty()
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The same claims with {@code alg: none} and no signature. */
    private static String unsigned(String jwt) {
        String[] parts = jwt.split("\\.");
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + parts[1] + ".";
    }

    /** The signature of the original claims over a payload that claims to be someone else. */
    private static String tampered(String jwt) {
        String[] parts = jwt.split("\\.");
        String original = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String claims = original.replaceFirst("\"sub\":\"[^\"]*\"", "\"sub\":\"intruder\"");
        assertThat(claims).isNotEqualTo(original);
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static String describe(EndpointPermission permission, String who) {
        return permission.method() + " " + permission.path() + " as " + who;
    }

    public static Set<Role> siteStaff() {
        EnumSet<Role> staff = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (role.isSiteStaff()) {
                staff.add(role);
            }
        }
        return staff;
    }
}
