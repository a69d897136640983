package org.trialstream.safety.adverseevents.domain;

import java.time.LocalDate;
import java.util.UUID;

import org.trialstream.kernel.contract.safety.ExpeditedReportKind;
import org.trialstream.safety.adverseevents.api.SafetyCommands.Treatment;

/**
 * The safety record's own events, which never leave the service: what it learnt from enrolment, dosing and
 * radiotherapy (those contexts publish the facts themselves), and the payload of a report deadline.
 */
final class SafetyRecordEvents {

    private SafetyRecordEvents() {
    }

    record SafetyRecordOpened(UUID patientId, String siteId, String screeningNumber, LocalDate surgeryDate) {
    }

    record SurgeryDateCorrected(UUID patientId, LocalDate surgeryDate) {
    }

    record StudyTreatmentGiven(UUID patientId, Treatment treatment, LocalDate on) {
    }

    /** The payload of a persistent deadline: the report that is overdue once {@code dueOn} has passed. */
    record ReportDue(UUID adverseEventId, ExpeditedReportKind kind, LocalDate dueOn) {
    }
}
