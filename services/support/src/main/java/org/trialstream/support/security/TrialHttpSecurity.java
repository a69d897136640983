package org.trialstream.support.security;

import java.util.List;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Builds a service's filter chain from its permission matrix. Health and the OpenAPI documents stay open; every
 * other request needs a valid token and a role the matrix names; anything the matrix does not list is denied.
 */
public final class TrialHttpSecurity {

    private static final String[] OPEN = {"/actuator/health", "/actuator/health/**", "/actuator/info",
            "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error"};

    private final ProblemResponses problems;

    TrialHttpSecurity(ProblemResponses problems) {
        this.problems = problems;
    }

    public SecurityFilterChain build(HttpSecurity http, List<EndpointPermission> matrix) throws Exception {
        return http
                // Bearer tokens in headers, no cookies and no sessions: CSRF has nothing to protect.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(OPEN).permitAll();
                    for (EndpointPermission permission : matrix) {
                        requests.requestMatchers(permission.method(), permission.matcherPattern())
                                .hasAnyAuthority(permission.authorities());
                    }
                    requests.anyRequest().denyAll();
                })
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(problems.unauthenticated())
                        .accessDeniedHandler(problems.forbidden()))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems.unauthenticated())
                        .accessDeniedHandler(problems.forbidden()))
                .build();
    }
}
