package org.trialstream.enrolment.config;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.trialstream.enrolment.study.api.OpenStudyCommand;

/** Opens the study's enrolment register on first start; later starts find it in the event store. */
class StudyOpener implements ApplicationRunner {

    private final EventStore eventStore;
    private final CommandGateway commands;
    private final String studyId;
    private final int enrolmentCap;

    StudyOpener(EventStore eventStore, CommandGateway commands, String studyId, int enrolmentCap) {
        this.eventStore = eventStore;
        this.commands = commands;
        this.studyId = studyId;
        this.enrolmentCap = enrolmentCap;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (eventStore.lastSequenceNumberFor(studyId).isPresent()) {
            return;
        }
        try {
            commands.sendAndWait(new OpenStudyCommand(studyId, enrolmentCap));
        } catch (AggregateStreamCreationException openedByAnotherInstance) {
            // Another instance opened it between the check and the command: the register exists, as wanted.
        }
    }
}
