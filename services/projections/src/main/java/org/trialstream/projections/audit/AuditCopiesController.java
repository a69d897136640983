package org.trialstream.projections.audit;

import static org.trialstream.projections.web.ReadParameters.instant;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.trialstream.kernel.audit.ChainVerification;
import org.trialstream.projections.followup.PatientFactsProjection;
import org.trialstream.projections.stream.ChainVerifier;
import org.trialstream.projections.stream.Projections;
import org.trialstream.projections.web.Csv;
import org.trialstream.protocol.definition.AnlotinibRegimen;
import org.trialstream.protocol.definition.Protocol;
import org.trialstream.support.audit.AccessLog;
import org.trialstream.support.security.Actor;
import org.trialstream.support.web.Problems;

/**
 * Copies of the audit trail for inspection (21 CFR 11.10(b)), for the monitor: a patient's casebook as print-ready
 * HTML, with the verification of the patient's fact chains on its cover, and the trail of every fact recorded in a
 * period as JSON Lines or CSV. Both are logged as reads of the patients they show.
 */
@RestController
class AuditCopiesController {

    private static final MediaType JSON_LINES = new MediaType("application", "x-ndjson", StandardCharsets.UTF_8);
    private static final List<String> CSV_COLUMNS = List.of("eventId", "patientId", "type", "version", "recordedAt",
            "clinicalDate", "actorSubject", "actorName", "actorRole", "actorSite", "reason", "requestId",
            "correlationId", "causationId", "chainHash", "topic", "partition", "offset", "payload");

    private final Projections projections;
    private final AnlotinibRegimen regimen;
    private final AccessLog accessLog;
    private final ChainVerifier verifier;
    private final ObjectMapper json;

    AuditCopiesController(Projections projections, Protocol protocol, AccessLog accessLog, ChainVerifier verifier,
                          ObjectMapper json) {
        this.projections = projections;
        this.regimen = protocol.anlotinib();
        this.accessLog = accessLog;
        this.verifier = verifier;
        this.json = json;
    }

    @GetMapping(value = "/audit/patients/{patientId}/casebook", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> casebook(@PathVariable UUID patientId) {
        Document patient = projections.live(PatientFactsProjection.NAME, PatientFactsProjection.PATIENTS)
                .find(Filters.eq("_id", patientId.toString())).first();
        if (patient == null) {
            throw Problems.refusal(HttpStatus.NOT_FOUND, "No such patient", "patientId",
                    "no history of patient " + patientId);
        }
        PatientHistory history = PatientHistory.of(patient, null, regimen);
        ChainVerification.Report chains = verifier.verify(ChainVerifier.TRIAL_TOPICS, patientId.toString());
        accessLog.recordRead(Actor.current().orElseThrow(), List.of(patientId.toString()),
                "GET /audit/patients/{patientId}/casebook");
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(Casebook.html(history, chains, Instant.now()));
    }

    /** Every fact recorded in [{@code from}, {@code to}), across patients, in recorded order. */
    @GetMapping("/audit/export")
    ResponseEntity<String> export(@RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to,
                                  @RequestParam(defaultValue = "jsonl") String format) {
        Instant start = required("from", from);
        Instant end = required("to", to);
        if (!end.isAfter(start)) {
            throw Problems.refusal(HttpStatus.BAD_REQUEST, "The request is not valid", "to",
                    "the period ends after it starts");
        }
        if (!format.equals("jsonl") && !format.equals("csv")) {
            throw Problems.refusal(HttpStatus.BAD_REQUEST, "The request is not valid", "format",
                    "the trail comes as jsonl (JSON Lines) or csv");
        }
        List<Exported> entries = new ArrayList<>();
        List<String> patients = new ArrayList<>();
        for (Document patient : projections.live(PatientFactsProjection.NAME, PatientFactsProjection.PATIENTS)
                .find().sort(new Document("_id", 1))) {
            List<PatientHistory.Entry> inPeriod = PatientHistory.of(patient, end, regimen).facts().stream()
                    .filter(entry -> !entry.recordedAt().isBefore(start) && entry.recordedAt().isBefore(end))
                    .toList();
            if (!inPeriod.isEmpty()) {
                patients.add(patient.getString("_id"));
                inPeriod.forEach(entry -> entries.add(withPatient(entry, patient.getString("_id"))));
            }
        }
        entries.sort((a, b) -> a.entry().recordedAt().compareTo(b.entry().recordedAt()));
        if (!patients.isEmpty()) {
            accessLog.recordRead(Actor.current().orElseThrow(), patients, "GET /audit/export");
        }
        return format.equals("csv")
                ? ResponseEntity.ok().contentType(Csv.MEDIA_TYPE).body(csv(entries))
                : ResponseEntity.ok().contentType(JSON_LINES).body(jsonLines(entries));
    }

    private record Exported(String patientId, PatientHistory.Entry entry) {
    }

    private static Exported withPatient(PatientHistory.Entry entry, String patientId) {
        return new Exported(patientId, entry);
    }

    private String jsonLines(List<Exported> entries) {
        StringBuilder out = new StringBuilder();
        for (Exported exported : entries) {
            out.append(write(Map.of("patientId", exported.patientId(), "fact", exported.entry()))).append('\n');
        }
        return out.toString();
    }

    private String csv(List<Exported> entries) {
        StringBuilder out = new StringBuilder(Csv.line(CSV_COLUMNS));
        for (Exported exported : entries) {
            PatientHistory.Entry entry = exported.entry();
            out.append(Csv.line(Arrays.asList(entry.eventId(), exported.patientId(), entry.type(), entry.version(),
                    entry.recordedAt(), entry.clinicalDate(), entry.actor().subject(), entry.actor().name(),
                    entry.actor().role(), entry.actor().site(), entry.reason(), entry.requestId(),
                    entry.correlationId(), entry.causationId(), entry.chainHash(), entry.topic(), entry.partition(),
                    entry.offset(), write(entry.payload()))));
        }
        return out.toString();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the audit trail", e);
        }
    }

    private static Instant required(String parameter, String value) {
        if (value == null) {
            throw Problems.refusal(HttpStatus.BAD_REQUEST, "The request is not valid", parameter,
                    "the period's " + parameter + " is required, as an instant such as 2026-11-30T00:00:00Z");
        }
        return instant(parameter, value);
    }

    /** The casebook page: the cover, then every fact in recorded order. */
    static final class Casebook {

        private Casebook() {
        }

        static String html(PatientHistory history, ChainVerification.Report chains, Instant printedAt) {
            StringBuilder page = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                    + "<title>Casebook " + escape(history.patientId()) + "</title><style>"
                    + "body{font-family:sans-serif;font-size:10pt}table{border-collapse:collapse;width:100%}"
                    + "td,th{border:1px solid #999;padding:3px;vertical-align:top;text-align:left}"
                    + ".cover{page-break-after:always}.broken{color:#b00}</style></head><body>");
            PatientHistory.State state = history.state();
            page.append("<section class=\"cover\"><h1>Casebook</h1><p>Patient ").append(escape(history.patientId()))
                    .append(", study id ").append(escape(state.screeningNumber())).append(", site ")
                    .append(escape(history.siteId())).append("</p><p>Printed ").append(printedAt)
                    .append("</p><h2>Verification of the fact chains</h2><p class=\"")
                    .append(chains.intact() ? "intact\">Intact: " : "broken\">BROKEN: ")
                    .append(chains.facts()).append(" facts in ").append(chains.chains())
                    .append(" chain(s) checked");
            if (chains.unchained() > 0) {
                page.append(", ").append(chains.unchained()).append(" written before the chain existed");
            }
            if (!chains.intact()) {
                ChainVerification.BrokenLink link = chains.broken();
                page.append(". First broken link: ").append(escape(link.topic())).append(" partition ")
                        .append(link.partition()).append(" offset ").append(link.offset()).append(" (event ")
                        .append(escape(link.eventId())).append("): ").append(escape(link.reason()));
            }
            page.append("</p></section><h2>Facts in recorded order</h2><table><tr><th>#</th><th>recorded</th>"
                    + "<th>clinical date</th><th>fact</th><th>who</th><th>why</th><th>content</th></tr>");
            int number = 1;
            for (PatientHistory.Entry entry : history.facts()) {
                page.append("<tr><td>").append(number++).append("</td><td>").append(entry.recordedAt())
                        .append("</td><td>").append(escape(entry.clinicalDate())).append("</td><td>")
                        .append(escape(entry.type())).append(" v").append(entry.version()).append("<br>")
                        .append(escape(entry.eventId())).append("</td><td>")
                        .append(escape(entry.actor().name())).append(" (").append(escape(entry.actor().subject()))
                        .append(")<br>").append(escape(entry.actor().role())).append(" ")
                        .append(escape(entry.actor().site())).append("</td><td>").append(escape(entry.reason()));
                if (entry.correction() != null) {
                    page.append("<br>corrects ").append(escape(String.join(", ",
                            entry.correction().correctedEventIds())));
                    entry.correction().changes().forEach((field, change) -> page.append("<br>").append(escape(field))
                            .append(": ").append(escape(text(change.from()))).append(" &rarr; ")
                            .append(escape(text(change.to()))));
                }
                page.append("</td><td>");
                entry.payload().forEach((field, value) -> {
                    if (!field.equals("patientId")) {
                        page.append(escape(field)).append(": ").append(escape(text(value))).append("<br>");
                    }
                });
                page.append("</td></tr>");
            }
            return page.append("</table></body></html>").toString();
        }

        /** A value as the reader should see it: nested content as JSON. */
        private static String text(Object value) {
            if (value instanceof List<?> list) {
                return list.stream().map(Casebook::text).collect(Collectors.joining(", ", "[", "]"));
            }
            return value instanceof Document document ? document.toJson() : String.valueOf(value);
        }

        private static String escape(String text) {
            return text == null ? "" : HtmlUtils.htmlEscape(text);
        }
    }
}
