package org.trialstream.projections.audit;

import static org.trialstream.projections.web.ReadParameters.instant;

import java.util.List;
import java.util.UUID;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.trialstream.projections.followup.PatientFactsProjection;
import org.trialstream.projections.stream.Projections;
import org.trialstream.protocol.definition.AnlotinibRegimen;
import org.trialstream.protocol.definition.Protocol;
import org.trialstream.support.audit.AccessLog;
import org.trialstream.support.security.Actor;
import org.trialstream.support.web.Problems;

/**
 * A patient's full history for the monitor, the safety officer and the site staff of the patient's site, from the
 * patient-facts documents (one read by patient id). Every read goes to the access log.
 */
@RestController
class AuditHistoryController {

    private final Projections projections;
    private final AnlotinibRegimen regimen;
    private final AccessLog accessLog;

    AuditHistoryController(Projections projections, Protocol protocol, AccessLog accessLog) {
        this.projections = projections;
        this.regimen = protocol.anlotinib();
        this.accessLog = accessLog;
    }

    /** @param asOf an instant: the history, and the patient's state, as recorded by then */
    @GetMapping("/audit/patients/{patientId}/history")
    PatientHistory history(@PathVariable UUID patientId, @RequestParam(required = false) String asOf) {
        Document patient = projections.live(PatientFactsProjection.NAME, PatientFactsProjection.PATIENTS)
                .find(Filters.eq("_id", patientId.toString())).first();
        Actor actor = Actor.current().orElseThrow();
        if (patient == null || !actor.canSee(PatientHistory.siteOf(patient))) {
            throw Problems.refusal(HttpStatus.NOT_FOUND, "No such patient", "patientId",
                    "no history of patient " + patientId + " is visible to you");
        }
        PatientHistory history = PatientHistory.of(patient, instant("asOf", asOf), regimen);
        accessLog.recordRead(actor, List.of(patientId.toString()), "GET /audit/patients/{patientId}/history");
        return history;
    }
}
