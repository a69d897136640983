package org.trialstream.projections.enrolment;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.trialstream.projections.enrolment.RegistryViews.PatientView;
import org.trialstream.projections.enrolment.RegistryViews.ProgressView;
import org.trialstream.projections.stream.Projections;
import org.trialstream.support.audit.AccessLog;
import org.trialstream.support.security.Actor;
import org.trialstream.support.web.Problems;

/** Read-only views of enrolment: the patient registry and progress towards the enrolment cap. */
@RestController
class EnrolmentController {

    private final Projections projections;
    private final AccessLog accessLog;

    EnrolmentController(Projections projections, AccessLog accessLog) {
        this.projections = projections;
        this.accessLog = accessLog;
    }

    /** Site staff see their own site's patients only; every patient shown is recorded in the access log. */
    @GetMapping("/patients")
    List<PatientView> patients() {
        Actor actor = Actor.current().orElseThrow();
        List<Document> all = new ArrayList<>();
        projections.live(RegistryProjection.NAME, RegistryProjection.PATIENTS).find()
                .sort(Sorts.ascending("screeningNumber")).into(all);
        List<PatientView> visible = all.stream().filter(patient -> actor.canSee(patient.getString("siteId")))
                .map(PatientView::of).toList();
        accessLog.recordRead(actor, visible.stream().map(PatientView::patientId).toList(), "GET /patients");
        return visible;
    }

    @GetMapping("/patients/{patientId}")
    PatientView patient(@PathVariable UUID patientId) {
        Actor actor = Actor.current().orElseThrow();
        Document patient = projections.live(RegistryProjection.NAME, RegistryProjection.PATIENTS)
                .find(Filters.eq("_id", patientId.toString())).first();
        if (patient == null || !actor.canSee(patient.getString("siteId"))) {
            throw Problems.refusal(HttpStatus.NOT_FOUND, "No such patient", "patientId",
                    "no patient with this id is in the registry");
        }
        accessLog.recordRead(actor, List.of(patientId.toString()), "GET /patients/{patientId}");
        return PatientView.of(patient);
    }

    @GetMapping("/enrolment/progress")
    ProgressView progress() {
        Document study = projections.live(RegistryProjection.NAME, RegistryProjection.STUDY).find().first();
        return ProgressView.of(study == null ? null : study.getInteger("enrolmentCap"),
                projections.liveCounters(RegistryProjection.NAME));
    }
}
