package org.trialstream.alerts.web;

import java.util.List;
import java.util.Map;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

/** The RFC 9457 problem body every refusal of the TrialStream services has: the field and the rule it broke. */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problem() {
    }

    public static MutableHttpResponse<Map<String, Object>> response(HttpStatus status, String title, String field,
                                                                    String rule) {
        return HttpResponse.<Map<String, Object>>status(status)
                .contentType(MEDIA_TYPE)
                .body(body(status, title, field, rule));
    }

    public static Map<String, Object> body(HttpStatus status, String title, String field, String rule) {
        return Map.of("type", "about:blank", "title", title, "status", status.getCode(), "detail", field + ": " + rule,
                "errors", List.of(Map.of("field", field, "rule", rule)));
    }
}
