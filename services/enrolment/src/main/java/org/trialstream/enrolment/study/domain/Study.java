package org.trialstream.enrolment.study.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.trialstream.enrolment.domain.RuleViolation;
import org.trialstream.enrolment.domain.StateConflict;
import org.trialstream.enrolment.study.api.EnrolmentPlaceTaken;
import org.trialstream.enrolment.study.api.OpenStudyCommand;
import org.trialstream.enrolment.study.api.ScreeningNumberRegistered;
import org.trialstream.enrolment.study.api.StudyOpened;
import org.trialstream.kernel.patient.PatientId;

/**
 * The study's enrolment register: the facts that must hold across patients. Screening numbers are unique and at most
 * {@code enrolmentCap} patients are enrolled (protocol: 41). Every change to the register goes through this one
 * aggregate, so two concurrent enrolments cannot both take the last place: the second one conflicts on the event
 * store's (aggregate, sequence) key.
 */
@Aggregate
public class Study {

    @AggregateIdentifier
    private String studyId;
    private int enrolmentCap;
    private final Set<String> screeningNumbers = new HashSet<>();
    private final Map<UUID, Integer> places = new HashMap<>();

    protected Study() {
    }

    @CommandHandler
    public Study(OpenStudyCommand command) {
        if (command.enrolmentCap() < 1) {
            throw new RuleViolation("enrolmentCap", "the enrolment cap must be at least 1");
        }
        apply(new StudyOpened(command.studyId(), command.enrolmentCap()));
    }

    void registerScreening(PatientId patient, String screeningNumber) {
        if (screeningNumbers.contains(screeningNumber)) {
            throw new StateConflict("screeningNumber", "screening number " + screeningNumber + " is already in use");
        }
        apply(new ScreeningNumberRegistered(studyId, screeningNumber, patient.value()));
    }

    int takePlace(PatientId patient) {
        if (places.containsKey(patient.value())) {
            throw new StateConflict("patientId", "the patient already holds enrolment place "
                    + places.get(patient.value()));
        }
        if (places.size() >= enrolmentCap) {
            throw new EnrolmentCapReached(enrolmentCap);
        }
        int place = places.size() + 1;
        apply(new EnrolmentPlaceTaken(studyId, patient.value(), place));
        return place;
    }

    @EventSourcingHandler
    void on(StudyOpened event) {
        studyId = event.studyId();
        enrolmentCap = event.enrolmentCap();
    }

    @EventSourcingHandler
    void on(ScreeningNumberRegistered event) {
        screeningNumbers.add(event.screeningNumber());
    }

    @EventSourcingHandler
    void on(EnrolmentPlaceTaken event) {
        places.put(event.patientId(), event.place());
    }
}
