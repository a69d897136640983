package org.trialstream.support.web;

import java.net.URI;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonMappingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.trialstream.support.web.Problems.FieldError;

/**
 * The last word on every error a controller lets through, for every service: Spring MVC's own refusals (405, 415,
 * a missing parameter...) and malformed input become 4xx problems that name the field; anything unexpected is a 500
 * problem that says nothing of the internals and quotes the request id, under which the cause is logged. A
 * service's own domain refusals are mapped by a handler ordered before this one.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class TrialExceptionHandler extends ResponseEntityExceptionHandler {

    public static final URI INVALID = URI.create("urn:trialstream:problem:invalid-request");
    private static final Logger log = LoggerFactory.getLogger(TrialExceptionHandler.class);

    @ExceptionHandler(BodySizeLimit.TooLarge.class)
    ProblemDetail tooLarge(BodySizeLimit.TooLarge e) {
        return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, null, "The request body is too large", "body",
                e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "a valid value" : "a valid " + e.getRequiredType()
                .getSimpleName();
        return Problems.of(HttpStatus.BAD_REQUEST, INVALID, "The request is not valid", e.getName(),
                "must be " + expected);
    }

    /** Thrown inside a controller (for example staff screening for another site): the same 403 as at the door. */
    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e) {
        return Problems.of(HttpStatus.FORBIDDEN, null, "Not permitted", "Authorization", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        String requestId = RequestIds.current().map(RequestIds.Ids::requestId).orElse("none");
        log.error("request {} failed unexpectedly", requestId, e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, null, "The request could not be completed", "request",
                "an unexpected error occurred; nothing is known to have been recorded. Quote request id "
                        + requestId);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return ResponseEntity.badRequest()
                .body(Problems.of(HttpStatus.BAD_REQUEST, INVALID, "The request is not valid", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldError(
                        result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest()
                .body(Problems.of(HttpStatus.BAD_REQUEST, INVALID, "The request is not valid", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e.getCause() instanceof BodySizeLimit.TooLarge tooLarge) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge(tooLarge));
        }
        String field = "body";
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> a + "." + b).orElse(field);
        }
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, INVALID,
                "The request is not valid", field, "must be readable JSON of the documented type"));
    }

    /** Spring MVC's other refusals keep their status and get the one problem shape, with an {@code errors} list. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        HttpStatus resolved = HttpStatus.resolve(status.value());
        if (resolved == null) {
            resolved = HttpStatus.BAD_REQUEST;
        }
        if (body == null && e instanceof ErrorResponse response) {
            body = response.getBody();
        }
        if (body instanceof ProblemDetail problem && problem.getProperties() != null
                && problem.getProperties().containsKey("errors")) {
            // Already in the one shape (an ErrorResponseException built with Problems): it names its own field.
            return ResponseEntity.status(resolved).headers(headers).body(problem);
        }
        String detail = body instanceof ProblemDetail problem && problem.getDetail() != null
                ? problem.getDetail() : resolved.getReasonPhrase();
        return ResponseEntity.status(resolved).headers(headers)
                .body(Problems.of(resolved, null, resolved.getReasonPhrase(), "request", detail));
    }
}
