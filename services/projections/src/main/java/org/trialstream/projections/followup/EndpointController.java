package org.trialstream.projections.followup;

import static org.trialstream.projections.web.ReadParameters.asRecordedAt;
import static org.trialstream.projections.web.ReadParameters.dataCut;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.trialstream.projections.followup.EndpointAnalysis.Outcome;
import org.trialstream.projections.followup.EndpointViews.AtRisk;
import org.trialstream.projections.followup.EndpointViews.DataQuery;
import org.trialstream.projections.followup.EndpointViews.EndpointView;
import org.trialstream.projections.followup.EndpointViews.Estimate;
import org.trialstream.projections.followup.EndpointViews.IncidenceAt;
import org.trialstream.projections.followup.EndpointViews.IncidenceTableRow;
import org.trialstream.projections.followup.EndpointViews.IncidenceView;
import org.trialstream.projections.followup.EndpointViews.Rate;
import org.trialstream.projections.followup.EndpointViews.TableRow;
import org.trialstream.projections.stream.Projections;
import org.trialstream.projections.web.Drawing;
import org.trialstream.protocol.definition.Protocol;
import org.trialstream.statistics.survival.CompetingRiskObservation;
import org.trialstream.statistics.survival.CumulativeIncidence;
import org.trialstream.statistics.survival.KaplanMeier;
import org.trialstream.statistics.survival.Observation;
import org.trialstream.statistics.survival.SurvivalCurve;
import org.trialstream.support.audit.AccessLog;
import org.trialstream.support.security.Actor;
import org.trialstream.support.web.Problems;

/**
 * LRFS, MFS and OS at any data cut, and as they stood at any recorded instant: the Kaplan-Meier table with R's
 * {@code survival} conventions (from the statistics module), the median and the rates at 12, 24 and 36 months with
 * their intervals, numbers at risk every 6 months, the per-patient data set, and the cumulative incidence of local
 * recurrence with death as a competing event.
 */
@RestController
class EndpointController {

    private static final int RISK_TABLE_EVERY_MONTHS = 6;
    private static final int RATE_EVERY_MONTHS = 12;

    private final Projections projections;
    private final EndpointAnalysis analysis;
    private final int horizonMonths;
    private final AccessLog accessLog;

    EndpointController(Projections projections, Protocol protocol, AccessLog accessLog) {
        this.projections = projections;
        this.analysis = new EndpointAnalysis(protocol.endpoints());
        this.horizonMonths = protocol.endpoints().horizonMonths();
        this.accessLog = accessLog;
    }

    @GetMapping("/endpoints/{endpoint}")
    EndpointView endpoint(@PathVariable String endpoint, @RequestParam(required = false) String dataCut,
                          @RequestParam(required = false) String asRecordedAt) {
        EndpointKind kind = kind(endpoint);
        LocalDate cut = dataCut(dataCut);
        Instant recorded = asRecordedAt(asRecordedAt);
        List<PatientHistory> patients = histories(cut, recorded);
        List<Outcome> outcomes = patients.stream().map(patient -> analysis.outcome(kind, patient)).toList();
        // The analysis counts every patient; the data queries name patients, so site staff see their own site's only.
        Actor actor = Actor.current().orElseThrow();
        List<DataQuery> queries = patients.stream()
                .filter(patient -> actor.canSee(patient.siteId()))
                .flatMap(patient -> patient.queries().stream().map(query -> new DataQuery(patient.patientId(), query)))
                .toList();
        recordRead(queries.stream().map(DataQuery::patientId).distinct().toList(), "GET /endpoints/{endpoint}");
        String name = analysis.definition(kind).name();
        if (outcomes.isEmpty()) {
            return new EndpointView(endpoint, name, cut, recorded, 0, 0, List.of(), new Estimate(null, null, null),
                    List.of(), List.of(), queries);
        }
        SurvivalCurve curve = KaplanMeier.estimate(outcomes.stream()
                .map(outcome -> new Observation(outcome.months(), outcome.event())).toList());
        List<Rate> rates = IntStream.rangeClosed(1, horizonMonths / RATE_EVERY_MONTHS)
                .map(step -> step * RATE_EVERY_MONTHS)
                .mapToObj(month -> curve.survivalAt(month)
                        .map(at -> new Rate(month, EndpointViews.defined(at.survival()),
                                EndpointViews.defined(at.lower95()), EndpointViews.defined(at.upper95())))
                        .orElse(new Rate(month, null, null, null)))
                .toList();
        List<AtRisk> atRisk = IntStream.rangeClosed(0, horizonMonths / RISK_TABLE_EVERY_MONTHS)
                .map(step -> step * RISK_TABLE_EVERY_MONTHS)
                .mapToObj(month -> new AtRisk(month, curve.numberAtRisk(month)))
                .toList();
        return new EndpointView(endpoint, name, cut, recorded, curve.subjects(), curve.events(),
                curve.eventRows().stream().map(TableRow::of).toList(), Estimate.of(curve.median()), rates, atRisk,
                queries);
    }

    /** The Kaplan-Meier plot with its interval, censoring ticks and numbers at risk, as SVG. */
    @GetMapping(value = "/endpoints/{endpoint}/curve.svg", produces = "image/svg+xml")
    ResponseEntity<String> curveSvg(@PathVariable String endpoint, @RequestParam(required = false) String dataCut,
                                    @RequestParam(required = false) String asRecordedAt) {
        return ResponseEntity.ok().contentType(Drawing.SVG).body(chart(endpoint, dataCut, asRecordedAt).svg());
    }

    /** The same plot as PNG. */
    @GetMapping(value = "/endpoints/{endpoint}/curve.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> curvePng(@PathVariable String endpoint, @RequestParam(required = false) String dataCut,
                                    @RequestParam(required = false) String asRecordedAt) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(chart(endpoint, dataCut, asRecordedAt).png());
    }

    private SurvivalChart chart(String endpoint, String dataCut, String asRecordedAt) {
        EndpointKind kind = kind(endpoint);
        LocalDate cut = dataCut(dataCut);
        List<Observation> observations = histories(cut, asRecordedAt(asRecordedAt)).stream()
                .map(patient -> analysis.outcome(kind, patient))
                .map(outcome -> new Observation(outcome.months(), outcome.event())).toList();
        if (observations.isEmpty()) {
            throw Problems.refusal(HttpStatus.NOT_FOUND, "Nothing to plot", "dataCut",
                    "no patient was enrolled by this data cut");
        }
        return new SurvivalChart(analysis.definition(kind).name(), cut, KaplanMeier.estimate(observations),
                horizonMonths, RISK_TABLE_EVERY_MONTHS);
    }

    /** One row per patient: {@code patientId,time_days,time_months,status}, as {@code ./trial km} reads it. */
    @GetMapping(value = "/endpoints/{endpoint}/data.csv", produces = "text/csv")
    ResponseEntity<String> dataSet(@PathVariable String endpoint, @RequestParam(required = false) String dataCut,
                                   @RequestParam(required = false) String asRecordedAt) {
        EndpointKind kind = kind(endpoint);
        List<Outcome> outcomes = EndpointAnalysis.sorted(histories(dataCut(dataCut), asRecordedAt(asRecordedAt))
                .stream().map(patient -> analysis.outcome(kind, patient)).toList());
        recordRead(outcomes.stream().map(Outcome::patientId).toList(), "GET /endpoints/{endpoint}/data.csv");
        StringBuilder csv = new StringBuilder("patientId,time_days,time_months,status\n");
        for (Outcome outcome : outcomes) {
            csv.append(outcome.patientId()).append(',').append(outcome.days()).append(',')
                    .append(outcome.months()).append(',').append(outcome.event() ? 1 : 0).append('\n');
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv")).body(csv.toString());
    }

    @GetMapping("/endpoints/local-recurrence/cumulative-incidence")
    IncidenceView cumulativeIncidence(@RequestParam(required = false) String dataCut,
                                      @RequestParam(required = false) String asRecordedAt) {
        LocalDate cut = dataCut(dataCut);
        Instant recorded = asRecordedAt(asRecordedAt);
        List<CompetingRiskObservation> observations = histories(cut, recorded).stream()
                .map(analysis::localRecurrenceWithDeathCompeting).toList();
        if (observations.isEmpty()) {
            return new IncidenceView(cut, recorded, 0, 0, 0, List.of(), List.of());
        }
        CumulativeIncidence incidence = CumulativeIncidence.estimate(observations);
        List<IncidenceAt> at = IntStream.rangeClosed(1, horizonMonths / RATE_EVERY_MONTHS)
                .map(step -> step * RATE_EVERY_MONTHS)
                .mapToObj(month -> new IncidenceAt(month, EndpointViews.defined(incidence.at(month))))
                .toList();
        return new IncidenceView(cut, recorded, observations.size(),
                (int) observations.stream().filter(o -> o.cause() == CompetingRiskObservation.Cause.EVENT).count(),
                (int) observations.stream().filter(o -> o.cause() == CompetingRiskObservation.Cause.COMPETING)
                        .count(),
                incidence.rows().stream().map(IncidenceTableRow::of).toList(), at);
    }

    private List<PatientHistory> histories(LocalDate dataCut, Instant asRecordedAt) {
        List<PatientHistory> histories = new ArrayList<>();
        for (Document patient : projections.live(PatientFactsProjection.NAME, PatientFactsProjection.PATIENTS).find()) {
            PatientHistory.of(patient, dataCut, asRecordedAt).ifPresent(histories::add);
        }
        return histories;
    }

    private void recordRead(List<String> patientIds, String endpoint) {
        if (!patientIds.isEmpty()) {
            accessLog.recordRead(Actor.current().orElseThrow(), patientIds, endpoint);
        }
    }

    private static EndpointKind kind(String endpoint) {
        return EndpointKind.named(endpoint).orElseThrow(() -> Problems.refusal(HttpStatus.NOT_FOUND, "No such endpoint",
                "endpoint", "the endpoints are lrfs, mfs and os"));
    }
}
