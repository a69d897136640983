package org.trialstream.alerts.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;
import org.trialstream.alerts.web.Problem;

/** 401 without a trustworthy token and 403 for a role without the right, as problem+json like every refusal. */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
class ProblemAuthorizationHandler implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        return exception.isForbidden()
                ? Problem.response(HttpStatus.FORBIDDEN, "Forbidden", "role",
                        "this role may not use " + request.getMethodName() + " " + request.getPath())
                : Problem.response(HttpStatus.UNAUTHORIZED, "Unauthorized", "Authorization",
                        "a valid bearer token of the trial's issuer is required")
                        .header("WWW-Authenticate", "Bearer");
    }
}
