package org.trialstream.enrolment.study.domain;

import org.axonframework.modelling.command.Repository;
import org.trialstream.enrolment.patient.domain.EnrolmentRegister;
import org.trialstream.kernel.patient.PatientId;

/**
 * The patient aggregate's view of the study-wide facts. It works in the caller's unit of work, so the patient's
 * event and the register's change are stored in one transaction or not at all.
 */
public class StudyRegister implements EnrolmentRegister {

    private final Repository<Study> studies;
    private final ScreeningNumbers screeningNumbers;
    private final String studyId;

    public StudyRegister(Repository<Study> studies, ScreeningNumbers screeningNumbers, String studyId) {
        this.studies = studies;
        this.screeningNumbers = screeningNumbers;
        this.studyId = studyId;
    }

    @Override
    public void registerScreening(PatientId patient, String screeningNumber) {
        screeningNumbers.take(screeningNumber, patient);
    }

    @Override
    public int takePlace(PatientId patient) {
        return studies.load(studyId).invoke(study -> study.takePlace(patient));
    }
}
