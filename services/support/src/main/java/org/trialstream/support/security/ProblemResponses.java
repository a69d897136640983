package org.trialstream.support.security;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.trialstream.support.web.ProblemWriter;

/** 401, 403 and requests the firewall rejects, as problem+json like every other refusal. */
final class ProblemResponses {

    private final ProblemWriter problems;

    ProblemResponses(ProblemWriter problems) {
        this.problems = problems;
    }

    AuthenticationEntryPoint unauthenticated() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            problems.write(response, HttpStatus.UNAUTHORIZED, "Authentication required", "Authorization",
                    "a valid bearer token from a trusted issuer is required");
        };
    }

    AccessDeniedHandler forbidden() {
        return (request, response, e) -> problems.write(response, HttpStatus.FORBIDDEN, "Not permitted",
                "Authorization", "your role may not use this endpoint");
    }

    /** Encoded NUL, {@code ..} segments and the like, which Spring Security's firewall refuses. */
    RequestRejectedHandler rejected() {
        return (request, response, e) -> problems.write(response, HttpStatus.BAD_REQUEST,
                "The request is not valid", "url", "the URL holds characters or segments that are not allowed");
    }
}
