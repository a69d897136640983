package org.trialstream.projections.dosing;

import static org.trialstream.projections.web.ReadParameters.asRecordedAt;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.trialstream.kernel.contract.BoundedContext;
import org.trialstream.projections.followup.PatientFactsProjection;
import org.trialstream.projections.stream.Projections;
import org.trialstream.projections.web.Csv;
import org.trialstream.protocol.definition.AnlotinibRegimen;
import org.trialstream.protocol.definition.Protocol;
import org.trialstream.support.audit.AccessLog;
import org.trialstream.support.security.Actor;
import org.trialstream.support.web.Problems;

/**
 * Anlotinib exposure from the patient-facts documents: one patient's course, the statistician's listing by study id,
 * and the site's dosing worklist (open dose decisions, protocol deviations, findings to review). Patient-level reads
 * go to the access log; site staff see their own site's patients only.
 */
@RestController
class ExposureController {

    private final Projections projections;
    private final AnlotinibRegimen regimen;
    private final AccessLog accessLog;

    ExposureController(Projections projections, Protocol protocol, AccessLog accessLog) {
        this.projections = projections;
        this.regimen = protocol.anlotinib();
        this.accessLog = accessLog;
    }

    /** One row of the statistician's listing: the study id (screening number), never the patient id or site. */
    record ListingRow(String studyId, String status, LocalDate firstDoseOn, int cyclesStarted, int cyclesCompleted,
                      Integer currentDoseMg, int reductions, int cumulativeMg, BigDecimal relativeDoseIntensity,
                      String discontinuationReason) {
    }

    record Listing(List<ListingRow> rows) {
    }

    record OpenDecision(String patientId, String screeningNumber, String siteId, PatientExposure.Decision decision) {
    }

    record PatientDeviation(String patientId, String screeningNumber, String siteId,
                            PatientExposure.Deviation deviation) {
    }

    record PatientFinding(String patientId, String screeningNumber, String siteId, PatientExposure.Finding finding) {
    }

    record Worklist(List<OpenDecision> openDecisions, List<PatientDeviation> deviations,
                    List<PatientFinding> findings) {
    }

    @GetMapping("/exposure/patients/{patientId}")
    PatientExposure patient(@PathVariable UUID patientId, @RequestParam(required = false) String asRecordedAt) {
        Instant recorded = asRecordedAt(asRecordedAt);
        Document document = facts().find(Filters.eq("_id", patientId.toString())).first();
        PatientExposure exposure = document == null ? null : PatientExposure.of(document, regimen, recorded);
        Actor actor = Actor.current().orElseThrow();
        if (exposure == null || !exposure.planned() || !actor.canSee(exposure.siteId())) {
            throw Problems.refusal(HttpStatus.NOT_FOUND, "No such patient", "patientId",
                    "no anlotinib course of patient " + patientId + " is visible to you");
        }
        accessLog.recordRead(actor, List.of(exposure.patientId()), "GET /exposure/patients/{patientId}");
        return exposure;
    }

    @GetMapping("/exposure/listing")
    Listing listing(@RequestParam(required = false) String asRecordedAt) {
        List<PatientExposure> patients = patients(asRecordedAt(asRecordedAt));
        recordRead(patients.stream().map(PatientExposure::patientId), "GET /exposure/listing");
        return new Listing(patients.stream()
                .map(patient -> new ListingRow(patient.screeningNumber(), patient.status(), patient.firstDoseOn(),
                        patient.cyclesStarted(), patient.cyclesCompleted(), patient.currentDoseMg(),
                        patient.reductions().size(), patient.cumulativeMg(), patient.relativeDoseIntensity(),
                        patient.discontinuation() == null ? null : patient.discontinuation().reason()))
                .sorted(Comparator.comparing(ListingRow::studyId, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList());
    }

    @GetMapping(value = "/exposure/listing.csv", produces = "text/csv")
    ResponseEntity<String> listingCsv(@RequestParam(required = false) String asRecordedAt) {
        StringBuilder csv = new StringBuilder(Csv.line(List.of("studyId", "status", "firstDoseOn", "cyclesStarted",
                "cyclesCompleted", "currentDoseMg", "reductions", "cumulativeMg", "relativeDoseIntensity",
                "discontinuationReason")));
        for (ListingRow row : listing(asRecordedAt).rows()) {
            csv.append(Csv.line(Arrays.asList(row.studyId(), row.status(), row.firstDoseOn(), row.cyclesStarted(),
                    row.cyclesCompleted(), row.currentDoseMg(), row.reductions(), row.cumulativeMg(),
                    row.relativeDoseIntensity(), row.discontinuationReason())));
        }
        return ResponseEntity.ok().contentType(Csv.MEDIA_TYPE).body(csv.toString());
    }

    /** What the site must look at: open dose decisions (dispensing waits on them), deviations and findings. */
    @GetMapping("/dosing/worklist")
    Worklist worklist() {
        Actor actor = Actor.current().orElseThrow();
        List<PatientExposure> visible = patients(null).stream()
                .filter(patient -> actor.canSee(patient.siteId())).toList();
        List<OpenDecision> decisions = new ArrayList<>();
        List<PatientDeviation> deviations = new ArrayList<>();
        List<PatientFinding> findings = new ArrayList<>();
        for (PatientExposure patient : visible) {
            patient.decisions().stream().filter(PatientExposure.Decision::open).forEach(decision -> decisions.add(
                    new OpenDecision(patient.patientId(), patient.screeningNumber(), patient.siteId(), decision)));
            patient.deviations().forEach(deviation -> deviations.add(new PatientDeviation(patient.patientId(),
                    patient.screeningNumber(), patient.siteId(), deviation)));
            patient.findings().forEach(finding -> findings.add(new PatientFinding(patient.patientId(),
                    patient.screeningNumber(), patient.siteId(), finding)));
        }
        decisions.sort(Comparator.comparing((OpenDecision open) -> open.decision().raisedOn())
                .thenComparing(OpenDecision::patientId));
        recordRead(Stream.of(decisions.stream().map(OpenDecision::patientId),
                deviations.stream().map(PatientDeviation::patientId),
                findings.stream().map(PatientFinding::patientId)).flatMap(ids -> ids), "GET /dosing/worklist");
        return new Worklist(decisions, deviations, findings);
    }

    /** Every patient with a planned course, in patient id order. */
    private List<PatientExposure> patients(Instant asRecordedAt) {
        List<PatientExposure> patients = new ArrayList<>();
        for (Document document : facts().find(Filters.exists(BoundedContext.DOSING.id()))
                .sort(new Document("_id", 1))) {
            PatientExposure exposure = PatientExposure.of(document, regimen, asRecordedAt);
            if (exposure.planned()) {
                patients.add(exposure);
            }
        }
        return patients;
    }

    private MongoCollection<Document> facts() {
        return projections.live(PatientFactsProjection.NAME, PatientFactsProjection.PATIENTS);
    }

    private void recordRead(Stream<String> patientIds, String endpoint) {
        List<String> ids = patientIds.distinct().sorted().toList();
        if (!ids.isEmpty()) {
            accessLog.recordRead(Actor.current().orElseThrow(), ids, endpoint);
        }
    }
}
