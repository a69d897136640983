package org.trialstream.support.security;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.http.HttpMethod;
import org.trialstream.kernel.security.Role;

/**
 * One row of a service's permission matrix: who may call an endpoint. {@code patientScoped} endpoints name one
 * patient's record by an identifier in the path ({@code {patientId}}, {@code {adverseEventId}}...); site staff of
 * another site get 404 there, as if the record did not exist. Other path variables ({@code {endpoint}},
 * {@code {projection}}) name no patient.
 */
public record EndpointPermission(HttpMethod method, String path, Set<Role> roles, boolean patientScoped) {

    private static final Pattern RECORD_ID = Pattern.compile("\\{\\w+Id}");

    public EndpointPermission {
        roles = Set.copyOf(roles);
    }

    public static EndpointPermission allow(HttpMethod method, String path, Role first, Role... more) {
        return new EndpointPermission(method, path, EnumSet.of(first, more), RECORD_ID.matcher(path).find());
    }

    String[] authorities() {
        return roles.stream().map(role -> "ROLE_" + role.name()).sorted().toArray(String[]::new);
    }

    /** The Ant-style pattern Spring Security matches, with path variables as single segments. */
    String matcherPattern() {
        return path.replaceAll("\\{[^/]+}", "*");
    }
}
