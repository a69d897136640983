package org.trialstream.enrolment.web;

import java.net.URI;
import java.util.List;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.trialstream.enrolment.domain.RuleViolation;
import org.trialstream.enrolment.domain.StateConflict;
import org.trialstream.enrolment.patient.domain.PatientNotFound;
import org.trialstream.support.web.Problems;
import org.trialstream.support.web.Problems.FieldError;

/**
 * Every refusal is an RFC 9457 problem document whose {@code errors} name the field and the rule broken. A refused
 * command writes nothing: Axon rolls its unit of work back.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final URI RULE = URI.create("urn:trialstream:problem:protocol-rule");
    private static final URI CONFLICT = URI.create("urn:trialstream:problem:conflict");
    private static final URI INVALID = URI.create("urn:trialstream:problem:invalid-request");
    private static final URI NOT_FOUND = URI.create("urn:trialstream:problem:not-found");

    @ExceptionHandler(StateConflict.class)
    ProblemDetail conflict(StateConflict e) {
        return problem(HttpStatus.CONFLICT, CONFLICT, "The request conflicts with the recorded state",
                List.of(new FieldError(e.field(), e.rule())));
    }

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail ruleViolation(RuleViolation e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, RULE, "The request breaks a protocol rule",
                List.of(new FieldError(e.field(), e.rule())));
    }

    @ExceptionHandler({AggregateNotFoundException.class, PatientNotFound.class})
    ProblemDetail notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, NOT_FOUND, "No such patient",
                List.of(new FieldError("patientId", "no patient with this id exists")));
    }

    /** Two writers appended to the same record at once; the loser may retry with fresh data. */
    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentChange(ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, CONFLICT, "The record was changed concurrently",
                List.of(new FieldError("patientId", "another change was recorded at the same time; retry")));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalidValue(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, INVALID, "The request is not valid",
                List.of(new FieldError("request", e.getMessage())));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .sorted(java.util.Comparator.comparing(FieldError::field))
                .toList();
        return ResponseEntity.badRequest()
                .body(problem(HttpStatus.BAD_REQUEST, INVALID, "The request is not valid", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = "body";
        if (e.getCause() instanceof com.fasterxml.jackson.databind.JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> a + "." + b).orElse(field);
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, INVALID, "The request is not valid",
                List.of(new FieldError(field, "must be readable JSON of the documented type"))));
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String title, List<FieldError> errors) {
        return Problems.of(status, type, title, errors);
    }
}
