package org.trialstream.projections.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.MediaType;

/** CSV as the exports write it (RFC 4180). */
public final class Csv {

    public static final MediaType MEDIA_TYPE = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private Csv() {
    }

    /** One record: a field with a comma, a quote or a line break is quoted; a null is an empty field. */
    public static String line(List<?> fields) {
        return fields.stream().map(field -> field == null ? "" : quoted(field.toString()))
                .collect(Collectors.joining(",")) + "\n";
    }

    private static String quoted(String field) {
        return field.matches("(?s).*[,\"\r\n].*") ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }
}
