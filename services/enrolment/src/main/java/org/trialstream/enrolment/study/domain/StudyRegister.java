package org.trialstream.enrolment.study.domain;

import org.axonframework.modelling.command.Repository;
import org.trialstream.enrolment.patient.domain.EnrolmentRegister;
import org.trialstream.kernel.patient.PatientId;

/**
 * The patient aggregate's view of the study register. It loads the {@link Study} in the caller's unit of work, so
 * the patient's event and the study's event are stored in one transaction or not at all.
 */
public class StudyRegister implements EnrolmentRegister {

    private final Repository<Study> studies;
    private final String studyId;

    public StudyRegister(Repository<Study> studies, String studyId) {
        this.studies = studies;
        this.studyId = studyId;
    }

    @Override
    public void registerScreening(PatientId patient, String screeningNumber) {
        studies.load(studyId).execute(study -> study.registerScreening(patient, screeningNumber));
    }

    @Override
    public int takePlace(PatientId patient) {
        return studies.load(studyId).invoke(study -> study.takePlace(patient));
    }
}
