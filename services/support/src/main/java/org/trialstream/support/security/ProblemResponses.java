package org.trialstream.support.security;

import java.io.IOException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.trialstream.support.web.Problems;

/** 401 and 403 as problem+json, like every other refusal. */
final class ProblemResponses {

    private final ObjectMapper json;

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    AuthenticationEntryPoint unauthenticated() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                    "a valid bearer token from a trusted issuer is required");
        };
    }

    AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(response, HttpStatus.FORBIDDEN, "Not permitted",
                "your role may not use this endpoint");
    }

    private void write(HttpServletResponse response, HttpStatus status, String title, String rule)
            throws IOException {
        ProblemDetail problem = Problems.of(status, null, title, "Authorization", rule);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
