package org.trialstream.platform.web;

import java.net.URI;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.trialstream.platform.domain.NotFound;
import org.trialstream.platform.domain.RuleViolation;
import org.trialstream.platform.domain.StateConflict;
import org.trialstream.support.web.Problems;
import org.trialstream.support.web.TrialExceptionHandler;

/**
 * A command service's domain refusals as problem+json naming the field and the rule: a broken protocol rule 422, a
 * conflict with the recorded state 409, an unknown record 404. A refused command writes nothing: Axon rolls its unit
 * of work back. Everything else falls through to {@link TrialExceptionHandler}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CommandExceptionHandler {

    static final URI RULE = URI.create("urn:trialstream:problem:protocol-rule");
    static final URI CONFLICT = URI.create("urn:trialstream:problem:conflict");
    static final URI NOT_FOUND = URI.create("urn:trialstream:problem:not-found");

    @ExceptionHandler(StateConflict.class)
    ProblemDetail conflict(StateConflict e) {
        return Problems.of(HttpStatus.CONFLICT, CONFLICT, "The request conflicts with the recorded state",
                e.field(), e.rule());
    }

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail ruleViolation(RuleViolation e) {
        return Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, RULE, "The request breaks a protocol rule",
                e.field(), e.rule());
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", e.field(), e.rule());
    }

    /** A command to a record that was never created: the same answer as another site's patient. */
    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail unknownRecord(AggregateNotFoundException e) {
        return notFound(NotFound.patient());
    }

    /** Two writers appended to the same record at once; the loser may retry with fresh data. */
    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentChange(ConcurrencyException e) {
        return Problems.of(HttpStatus.CONFLICT, CONFLICT, "The record was changed concurrently", "patientId",
                "another change was recorded at the same time; retry");
    }

    @ExceptionHandler(BadRequest.class)
    ProblemDetail badRequest(BadRequest e) {
        return Problems.of(HttpStatus.BAD_REQUEST, TrialExceptionHandler.INVALID, "The request is not valid",
                e.field(), e.getMessage());
    }
}
