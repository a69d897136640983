package org.trialstream.kernel.contract.enrolment;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;
import org.trialstream.kernel.patient.ResectionMargin;

/**
 * A recorded enrolment detail was wrong and is corrected. The event carries the complete corrected details, so a
 * consumer replaces what it holds; the corrected event stays in the log unchanged.
 *
 * @param patientId        the patient
 * @param correctedEventId the id of the event whose details this corrects: the enrolment or an earlier correction
 * @param surgeryDate      the corrected date of the resection (study day 0)
 * @param margin           the corrected resection margin
 * @param histology        the corrected histological subtype
 * @param reason           why the correction was made; never blank
 */
@EventContract(name = "enrolment.EnrolmentCorrected", version = 1)
public record EnrolmentCorrected(UUID patientId, String correctedEventId, LocalDate surgeryDate,
                                 ResectionMargin margin, String histology, String reason) implements TrialEvent {

    public EnrolmentCorrected {
        requireNonNull(patientId, "patientId");
        requireNonNull(correctedEventId, "correctedEventId");
        requireNonNull(surgeryDate, "surgeryDate");
        requireNonNull(margin, "margin");
        requireNonNull(histology, "histology");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a correction needs a reason");
        }
    }
}
