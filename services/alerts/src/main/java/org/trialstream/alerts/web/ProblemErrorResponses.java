package org.trialstream.alerts.web;

import java.util.Map;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Micronaut's own refusals (an unknown path, a wrong method or media type, a body or parameter it cannot read) as the
 * same problem+json every TrialStream refusal has, naming what was wrong. A server error names nothing internal.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
class ProblemErrorResponses implements ErrorResponseProcessor<Map<String, Object>> {

    @Override
    public MutableHttpResponse<Map<String, Object>> processResponse(ErrorContext context,
                                                                   MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        String field = context.getErrors().stream().map(error -> error.getPath().orElse(null))
                .filter(path -> path != null && !path.isBlank()).findFirst().orElse("request");
        String rule = status.getCode() >= 500
                ? "an unexpected error occurred; nothing is known to have been recorded"
                : context.getErrors().stream().map(error -> error.getMessage()).findFirst()
                        .orElse(status.getReason());
        MutableHttpResponse<Map<String, Object>> problem = response.contentType(Problem.MEDIA_TYPE)
                .body(Problem.body(status, status.getReason(), field, rule));
        return context.getRequest().getMethod() == HttpMethod.HEAD ? problem.body(null) : problem;
    }

}
