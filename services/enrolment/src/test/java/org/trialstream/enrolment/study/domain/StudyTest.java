package org.trialstream.enrolment.study.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trialstream.enrolment.study.api.EnrolmentPlaceTaken;
import org.trialstream.enrolment.study.api.OpenStudyCommand;
import org.trialstream.enrolment.study.api.StudyOpened;
import org.trialstream.kernel.contract.enrolment.EnrolmentOpened;
import org.trialstream.kernel.patient.PatientId;
import org.trialstream.platform.domain.RuleViolation;

class StudyTest {

    private static final String STUDY = "ANLOTINIB-STS-II";
    private static final int PROTOCOL_CAP = 41;
    private static final PatientId PATIENT = new PatientId(UUID.fromString("00000000-0000-0000-0000-0000000000aa"));

    private AggregateTestFixture<Study> fixture;

    /** Drives the production {@link StudyRegister} against the fixture's repository, as a patient command does. */
    record TakePlace(PatientId patient) { }

    static final class RegisterDriver {
        private final StudyRegister register;

        RegisterDriver(Repository<Study> studies) {
            this.register = new StudyRegister(studies, (number, patient) -> {
                throw new AssertionError("screening numbers are not the register's business");
            }, STUDY);
        }

        @CommandHandler
        int handle(TakePlace command) {
            return register.takePlace(command.patient());
        }

    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Study.class);
        fixture.registerAnnotatedCommandHandler(new RegisterDriver(fixture.getRepository()));
    }

    @Test
    void opensTheStudyWithTheProtocolEnrolmentCapAndPublishesIt() {
        fixture.givenNoPriorActivity()
                .when(new OpenStudyCommand(STUDY, PROTOCOL_CAP))
                .expectEvents(new StudyOpened(STUDY, PROTOCOL_CAP), new EnrolmentOpened(STUDY, PROTOCOL_CAP));
    }

    @Test
    void refusesAnEnrolmentCapBelowOne() {
        fixture.givenNoPriorActivity()
                .when(new OpenStudyCommand(STUDY, 0))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void givesPlacesInOrderOfEnrolment() {
        fixture.given(new StudyOpened(STUDY, PROTOCOL_CAP), placeTaken(1))
                .when(new TakePlace(PATIENT))
                .expectEvents(new EnrolmentPlaceTaken(STUDY, PATIENT.value(), 2))
                .expectResultMessagePayload(2);
    }

    @Test
    void givesTheFortyFirstPlace() {
        fixture.given(openWithPlacesTaken(PROTOCOL_CAP - 1))
                .when(new TakePlace(PATIENT))
                .expectEvents(new EnrolmentPlaceTaken(STUDY, PATIENT.value(), PROTOCOL_CAP));
    }

    @Test
    void refusesEnrolmentBeyondTheCapOfFortyOne() {
        fixture.given(openWithPlacesTaken(PROTOCOL_CAP))
                .when(new TakePlace(PATIENT))
                .expectNoEvents()
                .expectException(EnrolmentCapReached.class)
                .expectExceptionMessage("the study has enrolled its 41 patients; no place is left");
    }

    @Test
    void aRegisterWrittenWithScreeningNumbersStillCountsItsPlaces() {
        fixture.given(new StudyOpened(STUDY, PROTOCOL_CAP),
                        new org.trialstream.enrolment.study.api.ScreeningNumberRegistered(STUDY, "S-007",
                                UUID.randomUUID()),
                        placeTaken(1))
                .when(new TakePlace(PATIENT))
                .expectEvents(new EnrolmentPlaceTaken(STUDY, PATIENT.value(), 2));
    }

    private static EnrolmentPlaceTaken placeTaken(int place) {
        return new EnrolmentPlaceTaken(STUDY, UUID.nameUUIDFromBytes(("p" + place).getBytes()), place);
    }

    private static List<Object> openWithPlacesTaken(int places) {
        List<Object> events = new ArrayList<>();
        events.add(new StudyOpened(STUDY, PROTOCOL_CAP));
        for (int place = 1; place <= places; place++) {
            events.add(placeTaken(place));
        }
        return events;
    }
}
