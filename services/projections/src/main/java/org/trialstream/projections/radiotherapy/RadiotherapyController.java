package org.trialstream.projections.radiotherapy;

import static org.trialstream.projections.web.ReadParameters.asRecordedAt;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.trialstream.kernel.contract.BoundedContext;
import org.trialstream.projections.followup.PatientFactsProjection;
import org.trialstream.projections.stream.Projections;
import org.trialstream.support.audit.AccessLog;
import org.trialstream.support.security.Actor;
import org.trialstream.support.web.Problems;

/**
 * Radiotherapy compliance from the patient-facts documents: one patient's course, the trial's completion rate and
 * median overall treatment time, and the days on which radiotherapy and anlotinib overlapped (for attributing
 * toxicity). Patient-level reads go to the access log; site staff see their own site's patients only.
 */
@RestController
class RadiotherapyController {

    private final Projections projections;
    private final AccessLog accessLog;

    RadiotherapyController(Projections projections, AccessLog accessLog) {
        this.projections = projections;
        this.accessLog = accessLog;
    }

    record Overlap(String patientId, String screeningNumber, String siteId, List<LocalDate> days) {
    }

    @GetMapping("/radiotherapy/patients/{patientId}")
    PatientRadiotherapy patient(@PathVariable UUID patientId, @RequestParam(required = false) String asRecordedAt) {
        Document document = facts().find(Filters.eq("_id", patientId.toString())).first();
        PatientRadiotherapy course = document == null ? null
                : PatientRadiotherapy.of(document, asRecordedAt(asRecordedAt));
        Actor actor = Actor.current().orElseThrow();
        if (course == null || !course.planned() || !actor.canSee(course.siteId())) {
            throw Problems.refusal(HttpStatus.NOT_FOUND, "No such patient", "patientId",
                    "no radiotherapy course of patient " + patientId + " is visible to you");
        }
        accessLog.recordRead(actor, List.of(course.patientId()), "GET /radiotherapy/patients/{patientId}");
        return course;
    }

    /** Aggregates only: no patient is named. */
    @GetMapping("/radiotherapy/summary")
    RadiotherapySummary summary(@RequestParam(required = false) String asRecordedAt) {
        return RadiotherapySummary.of(courses(asRecordedAt(asRecordedAt)));
    }

    /** Per patient, the days with both a fraction and an anlotinib dose; patients without any are left out. */
    @GetMapping("/radiotherapy/overlap")
    List<Overlap> overlap(@RequestParam(required = false) String asRecordedAt) {
        Actor actor = Actor.current().orElseThrow();
        List<Overlap> rows = courses(asRecordedAt(asRecordedAt)).stream()
                .filter(course -> actor.canSee(course.siteId()) && !course.overlapWithAnlotinib().isEmpty())
                .map(course -> new Overlap(course.patientId(), course.screeningNumber(), course.siteId(),
                        course.overlapWithAnlotinib()))
                .toList();
        if (!rows.isEmpty()) {
            accessLog.recordRead(actor, rows.stream().map(Overlap::patientId).toList(), "GET /radiotherapy/overlap");
        }
        return rows;
    }

    /** Every patient with a planned course, in patient id order. */
    private List<PatientRadiotherapy> courses(Instant asRecordedAt) {
        List<PatientRadiotherapy> courses = new ArrayList<>();
        for (Document document : facts().find(Filters.exists(BoundedContext.RADIOTHERAPY.id()))
                .sort(new Document("_id", 1))) {
            PatientRadiotherapy course = PatientRadiotherapy.of(document, asRecordedAt);
            if (course.planned()) {
                courses.add(course);
            }
        }
        return courses;
    }

    private MongoCollection<Document> facts() {
        return projections.live(PatientFactsProjection.NAME, PatientFactsProjection.PATIENTS);
    }
}
