package org.trialstream.projections.safety;

import static org.trialstream.projections.web.ReadParameters.asRecordedAt;
import static org.trialstream.projections.web.ReadParameters.dataCut;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.trialstream.projections.followup.PatientFactsProjection;
import org.trialstream.projections.safety.ToxicityAnalysis.Grouping;
import org.trialstream.projections.safety.ToxicityViews.DeathsView;
import org.trialstream.projections.safety.ToxicityViews.DoseModificationsView;
import org.trialstream.projections.safety.ToxicityViews.PatientRow;
import org.trialstream.projections.safety.ToxicityViews.SeriousView;
import org.trialstream.projections.safety.ToxicityViews.TeaeView;
import org.trialstream.projections.stream.Projections;
import org.trialstream.projections.web.Csv;
import org.trialstream.projections.web.Drawing;
import org.trialstream.protocol.definition.Protocol;
import org.trialstream.support.audit.AccessLog;
import org.trialstream.support.security.Actor;
import org.trialstream.support.web.Problems;

/**
 * The toxicity tables and listings at any data cut, and as they stood at any recorded instant, from the patient-facts
 * documents. The incidence table counts every site's patients; the listings name patients, so site staff see their
 * own site's rows only, and each read of them is in the access log.
 */
@RestController
class ToxicityController {

    private final Projections projections;
    private final ToxicityAnalysis analysis;
    private final AccessLog accessLog;

    ToxicityController(Projections projections, Protocol protocol, AccessLog accessLog) {
        this.projections = projections;
        this.analysis = new ToxicityAnalysis(protocol.safety());
        this.accessLog = accessLog;
    }

    @GetMapping("/toxicity/teae")
    TeaeView teae(@RequestParam(required = false) String by, @RequestParam(required = false) String dataCut,
                  @RequestParam(required = false) String asRecordedAt) {
        Grouping grouping = grouping(by);
        LocalDate cut = dataCut(dataCut);
        Instant recorded = asRecordedAt(asRecordedAt);
        return analysis.teae(patients(cut, recorded), grouping, cut, recorded);
    }

    /** The incidence table as CSV, with the header and cells of the table image. */
    @GetMapping(value = "/toxicity/teae.csv", produces = "text/csv")
    ResponseEntity<String> teaeCsv(@RequestParam(required = false) String by,
                                   @RequestParam(required = false) String dataCut,
                                   @RequestParam(required = false) String asRecordedAt) {
        TeaeView view = teae(by, dataCut, asRecordedAt);
        StringBuilder csv = new StringBuilder(Csv.line(ToxicityTable.header(view)));
        csv.append(Csv.line(ToxicityTable.cells(view.any())));
        view.rows().forEach(row -> csv.append(Csv.line(ToxicityTable.cells(row))));
        return ResponseEntity.ok().contentType(Csv.MEDIA_TYPE).body(csv.toString());
    }

    @GetMapping(value = "/toxicity/teae.svg", produces = "image/svg+xml")
    ResponseEntity<String> teaeSvg(@RequestParam(required = false) String by,
                                   @RequestParam(required = false) String dataCut,
                                   @RequestParam(required = false) String asRecordedAt) {
        return ResponseEntity.ok().contentType(Drawing.SVG)
                .body(new ToxicityTable(teae(by, dataCut, asRecordedAt)).svg());
    }

    @GetMapping(value = "/toxicity/teae.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> teaePng(@RequestParam(required = false) String by,
                                   @RequestParam(required = false) String dataCut,
                                   @RequestParam(required = false) String asRecordedAt) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .body(new ToxicityTable(teae(by, dataCut, asRecordedAt)).png());
    }

    /** Serious adverse events, each with its report deadlines and whether each report went out in time. */
    @GetMapping("/toxicity/serious")
    SeriousView serious(@RequestParam(required = false) String dataCut,
                        @RequestParam(required = false) String asRecordedAt) {
        LocalDate cut = dataCut(dataCut);
        Instant recorded = asRecordedAt(asRecordedAt);
        SeriousView view = analysis.serious(visiblePatients(cut, recorded), cut, recorded);
        recordRead(view.rows().stream(), "GET /toxicity/serious");
        return view;
    }

    /** Grade-5 adverse events, deaths, and the data queries where the two records disagree. */
    @GetMapping("/toxicity/deaths")
    DeathsView deaths(@RequestParam(required = false) String dataCut,
                      @RequestParam(required = false) String asRecordedAt) {
        LocalDate cut = dataCut(dataCut);
        Instant recorded = asRecordedAt(asRecordedAt);
        DeathsView view = analysis.deaths(visiblePatients(cut, recorded), cut, recorded);
        recordRead(Stream.of(view.grade5(), view.deaths(), view.queries()).flatMap(List::stream),
                "GET /toxicity/deaths");
        return view;
    }

    /** Adverse events that led to a dose reduction or to discontinuing anlotinib. */
    @GetMapping("/toxicity/dose-modifications")
    DoseModificationsView doseModifications(@RequestParam(required = false) String dataCut,
                                            @RequestParam(required = false) String asRecordedAt) {
        LocalDate cut = dataCut(dataCut);
        Instant recorded = asRecordedAt(asRecordedAt);
        DoseModificationsView view = analysis.doseModifications(visiblePatients(cut, recorded), cut, recorded);
        recordRead(Stream.concat(view.reductions().stream(), view.discontinuations().stream()),
                "GET /toxicity/dose-modifications");
        return view;
    }

    private List<PatientSafety> patients(LocalDate dataCut, Instant asRecordedAt) {
        List<PatientSafety> patients = new ArrayList<>();
        for (Document patient : projections.live(PatientFactsProjection.NAME, PatientFactsProjection.PATIENTS).find()) {
            patients.add(PatientSafety.of(patient, dataCut, asRecordedAt));
        }
        return patients;
    }

    /** The patients the reader may see named: site staff their own site's, everyone else every site's. */
    private List<PatientSafety> visiblePatients(LocalDate dataCut, Instant asRecordedAt) {
        Actor actor = Actor.current().orElseThrow();
        return patients(dataCut, asRecordedAt).stream().filter(patient -> actor.canSee(patient.siteId())).toList();
    }

    private void recordRead(Stream<? extends PatientRow> rows, String endpoint) {
        List<String> patientIds = rows.map(PatientRow::patientId).distinct().sorted().collect(Collectors.toList());
        if (!patientIds.isEmpty()) {
            accessLog.recordRead(Actor.current().orElseThrow(), patientIds, endpoint);
        }
    }

    private static Grouping grouping(String by) {
        if (by == null) {
            return Grouping.TERM;
        }
        return Grouping.named(by).orElseThrow(() -> Problems.refusal(HttpStatus.BAD_REQUEST,
                "The request is not valid", "by", "rows are by term or by soc (system organ class)"));
    }
}
