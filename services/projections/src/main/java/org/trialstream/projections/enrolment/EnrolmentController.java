package org.trialstream.projections.enrolment;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.trialstream.projections.audit.AccessLog;
import org.trialstream.support.security.Actor;
import org.trialstream.support.web.Problems;
import org.trialstream.support.web.RequestIds;

/** Read-only views of enrolment: the patient registry and progress towards the enrolment cap. */
@RestController
class EnrolmentController {

    private final EnrolmentProjection projection;
    private final AccessLog accessLog;

    EnrolmentController(EnrolmentProjection projection, AccessLog accessLog) {
        this.projection = projection;
        this.accessLog = accessLog;
    }

    /** Site staff see their own site's patients only; every patient shown is recorded in the access log. */
    @GetMapping("/patients")
    List<Map<String, Object>> patients() {
        Actor actor = Actor.current().orElseThrow();
        List<Document> visible = projection.patients().stream()
                .filter(patient -> actor.canSee(patient.getString("siteId")))
                .toList();
        accessLog.recordRead(actor, visible.stream().map(patient -> patient.getString("_id")).toList(),
                "GET /patients", requestId());
        return visible.stream().map(EnrolmentController::view).toList();
    }

    @GetMapping("/patients/{patientId}")
    ResponseEntity<?> patient(@PathVariable UUID patientId) {
        Actor actor = Actor.current().orElseThrow();
        Document patient = projection.patient(patientId.toString());
        if (patient == null || !actor.canSee(patient.getString("siteId"))) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.of(HttpStatus.NOT_FOUND, null,
                    "No such patient", "patientId", "no patient with this id is in the registry"));
        }
        accessLog.recordRead(actor, List.of(patientId.toString()), "GET /patients/{patientId}", requestId());
        return ResponseEntity.ok(view(patient));
    }

    private static String requestId() {
        return RequestIds.current().map(RequestIds.Ids::requestId).orElse(null);
    }

    @GetMapping("/enrolment/progress")
    Map<String, Object> progress() {
        Document progress = new Document(projection.progress());
        progress.remove("_id");
        return progress;
    }

    /** The registry entry as the API shows it: {@code patientId} for Mongo's {@code _id}, no bookkeeping. */
    private static Map<String, Object> view(Document patient) {
        Document view = new Document("patientId", patient.getString("_id"));
        patient.forEach((key, value) -> {
            if (!key.equals("_id") && !key.equals("appliedEventIds")) {
                view.append(key, value);
            }
        });
        return view;
    }
}
