package org.trialstream.support.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The one shape of every refusal (RFC 9457 problem+json): a title, a detail that reads "field: rule; ...", and an
 * {@code errors} list that names each field and the rule it broke.
 */
public final class Problems {

    private Problems() {
    }

    /** @param type the problem type, or null for {@code about:blank} */
    public static ProblemDetail of(HttpStatus status, URI type, String title, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        if (type != null) {
            problem.setType(type);
        }
        problem.setTitle(title);
        problem.setDetail(errors.stream().map(error -> error.field() + ": " + error.rule())
                .reduce((a, b) -> a + "; " + b).orElse(title));
        problem.setProperties(Map.of("errors", errors));
        return problem;
    }

    public static ProblemDetail of(HttpStatus status, URI type, String title, String field, String rule) {
        return of(status, type, title, List.of(new FieldError(field, rule)));
    }

    /** A refusal to throw from a controller: answered as this problem, with its status, by the exception handler. */
    public static ErrorResponseException refusal(HttpStatus status, String title, String field, String rule) {
        return new ErrorResponseException(status, of(status, null, title, field, rule), null);
    }

    public record FieldError(String field, String rule) {
    }
}
