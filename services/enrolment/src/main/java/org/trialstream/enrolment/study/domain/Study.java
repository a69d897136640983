package org.trialstream.enrolment.study.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.trialstream.enrolment.study.api.EnrolmentPlaceTaken;
import org.trialstream.enrolment.study.api.OpenStudyCommand;
import org.trialstream.enrolment.study.api.StudyOpened;
import org.trialstream.kernel.contract.enrolment.EnrolmentOpened;
import org.trialstream.kernel.patient.PatientId;
import org.trialstream.platform.domain.RuleViolation;

/**
 * The study's enrolment register: at most {@code enrolmentCap} patients are enrolled (protocol: 41). Every enrolment
 * takes its place here, in the patient's unit of work, so two concurrent enrolments cannot both take the last place:
 * the second one waits for the register's lock or conflicts on the event store's (aggregate, sequence) key.
 * <p>
 * Its state is two numbers, and it is cached ({@code studyCache}), so taking a place costs the same for the first
 * patient as for the ten-thousandth. Screening numbers are kept unique by a lookup table instead
 * ({@link ScreeningNumbers}): screening must not queue behind one aggregate.
 */
@Aggregate(cache = "studyCache")
public class Study {

    @AggregateIdentifier
    private String studyId;
    private int enrolmentCap;
    private int placesTaken;

    protected Study() {
    }

    @CommandHandler
    public Study(OpenStudyCommand command) {
        if (command.enrolmentCap() < 1) {
            throw new RuleViolation("enrolmentCap", "the enrolment cap must be at least 1");
        }
        apply(new StudyOpened(command.studyId(), command.enrolmentCap()));
        // The published fact: read models take the cap from the log, not from the protocol file they start with.
        apply(new EnrolmentOpened(command.studyId(), command.enrolmentCap()));
    }

    int takePlace(PatientId patient) {
        if (placesTaken >= enrolmentCap) {
            throw new EnrolmentCapReached(enrolmentCap);
        }
        int place = placesTaken + 1;
        apply(new EnrolmentPlaceTaken(studyId, patient.value(), place));
        return place;
    }

    @EventSourcingHandler
    void on(StudyOpened event) {
        studyId = event.studyId();
        enrolmentCap = event.enrolmentCap();
    }

    @EventSourcingHandler
    void on(EnrolmentPlaceTaken event) {
        placesTaken = Math.max(placesTaken, event.place());
    }
}
