package org.trialstream.projections.enrolment;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Read-only views of enrolment: the patient registry and progress towards the enrolment cap. */
@RestController
class EnrolmentController {

    private final EnrolmentProjection projection;

    EnrolmentController(EnrolmentProjection projection) {
        this.projection = projection;
    }

    @GetMapping("/patients")
    List<Map<String, Object>> patients() {
        return projection.patients().stream().map(EnrolmentController::view).toList();
    }

    @GetMapping("/patients/{patientId}")
    ResponseEntity<?> patient(@PathVariable UUID patientId) {
        Document patient = projection.patient(patientId.toString());
        if (patient == null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "patientId: no patient with this id is in the registry");
            problem.setTitle("No such patient");
            problem.setProperty("errors", List.of(Map.of("field", "patientId",
                    "rule", "no patient with this id is in the registry")));
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
        }
        return ResponseEntity.ok(view(patient));
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
