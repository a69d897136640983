package org.trialstream.support.security;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.http.HttpMethod;
import org.trialstream.kernel.security.Role;

/**
 * One row of a service's permission matrix: who may call an endpoint. {@code patientScoped} endpoints name one
 * patient's record by a path variable ({@code {patientId}}, {@code {adverseEventId}}...); site staff of another site
 * get 404 there, as if the record did not exist.
 */
public record EndpointPermission(HttpMethod method, String path, Set<Role> roles, boolean patientScoped) {

    public EndpointPermission {
        roles = Set.copyOf(roles);
    }

    public static EndpointPermission allow(HttpMethod method, String path, Role first, Role... more) {
        return new EndpointPermission(method, path, EnumSet.of(first, more), path.contains("{"));
    }

    String[] authorities() {
        return roles.stream().map(role -> "ROLE_" + role.name()).sorted().toArray(String[]::new);
    }

    /** The Ant-style pattern Spring Security matches, with path variables as single segments. */
    String matcherPattern() {
        return path.replaceAll("\\{[^/]+}", "*");
    }
}
