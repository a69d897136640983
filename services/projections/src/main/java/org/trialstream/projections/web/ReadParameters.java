package org.trialstream.projections.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.http.HttpStatus;
import org.trialstream.support.web.Problems;

/**
 * The query parameters the analyses share. A bad value is refused as a 400 problem that names the parameter, so that
 * no view answers for a data cut nobody asked for.
 */
public final class ReadParameters {

    private static final String INVALID = "The request is not valid";

    private ReadParameters() {
    }

    /** The data cut, required: facts dated after it are not counted. */
    public static LocalDate dataCut(String value) {
        if (value == null || value.isBlank()) {
            throw Problems.refusal(HttpStatus.BAD_REQUEST, INVALID, "dataCut", "a data cut is required, as YYYY-MM-DD");
        }
        return date("dataCut", value);
    }

    /** The instant the data are read as recorded at, or null for everything recorded so far. */
    public static Instant asRecordedAt(String value) {
        return instant("asRecordedAt", value);
    }

    /** An optional instant parameter: null when absent. */
    public static Instant instant(String parameter, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Problems.refusal(HttpStatus.BAD_REQUEST, INVALID, parameter,
                    "must be an instant such as 2026-11-30T12:00:00Z");
        }
    }

    /** An optional date parameter: null when absent. */
    public static LocalDate date(String parameter, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw Problems.refusal(HttpStatus.BAD_REQUEST, INVALID, parameter, "must be a date YYYY-MM-DD");
        }
    }
}
