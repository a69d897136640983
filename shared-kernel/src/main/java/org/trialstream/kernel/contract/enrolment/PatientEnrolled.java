package org.trialstream.kernel.contract.enrolment;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;
import org.trialstream.kernel.patient.ResectionMargin;

/**
 * An eligible patient took one of the study's 41 places. The surgery date is day 0 for every endpoint and every
 * treatment window (first anlotinib dose on day 21-28).
 *
 * @param patientId        the patient
 * @param enrolmentNumber  the place taken, 1 to the enrolment cap, in order of enrolment
 * @param screeningNumber  the patient's screening-log number
 * @param siteId           the enrolling site
 * @param enrolledOn       the enrolment date
 * @param surgeryDate      the date of the resection: study day 0
 * @param margin           the resection margin, which sets the radiotherapy boost
 * @param histology        the histological subtype of the sarcoma, as reported by pathology
 */
@EventContract(name = "enrolment.PatientEnrolled", version = 1)
public record PatientEnrolled(UUID patientId, int enrolmentNumber, String screeningNumber, String siteId,
                              LocalDate enrolledOn, LocalDate surgeryDate, ResectionMargin margin, String histology)
        implements TrialEvent {

    public PatientEnrolled {
        requireNonNull(patientId, "patientId");
        if (enrolmentNumber < 1) {
            throw new IllegalArgumentException("enrolmentNumber must be at least 1");
        }
        requireNonNull(screeningNumber, "screeningNumber");
        requireNonNull(siteId, "siteId");
        requireNonNull(enrolledOn, "enrolledOn");
        requireNonNull(surgeryDate, "surgeryDate");
        requireNonNull(margin, "margin");
        requireNonNull(histology, "histology");
    }
}
