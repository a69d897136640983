package org.trialstream.followup.visits.reaction;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import org.trialstream.followup.visits.api.FollowUpCommands.Reschedule;
import org.trialstream.followup.visits.api.FollowUpCommands.ScheduleFollowUp;
import org.trialstream.followup.visits.api.FollowUpCommands.StopFollowUp;
import org.trialstream.kernel.contract.enrolment.ConsentWithdrawn;
import org.trialstream.kernel.contract.enrolment.EnrolmentCorrected;
import org.trialstream.kernel.contract.enrolment.PatientEnrolled;
import org.trialstream.kernel.patient.PatientId;
import org.trialstream.platform.inbound.InboundFacts;

/** Enrolment's facts start, re-plan and stop a patient's follow-up. */
@Component
@ProcessingGroup(InboundFacts.PROCESSING_GROUP)
class EnrolmentReactions {

    private final CommandGateway commands;

    EnrolmentReactions(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(PatientEnrolled enrolled) {
        commands.sendAndWait(new ScheduleFollowUp(new PatientId(enrolled.patientId()), enrolled.siteId(),
                enrolled.surgeryDate()));
    }

    @EventHandler
    void on(EnrolmentCorrected corrected) {
        commands.sendAndWait(new Reschedule(new PatientId(corrected.patientId()), corrected.surgeryDate()));
    }

    @EventHandler
    void on(ConsentWithdrawn withdrawn) {
        commands.sendAndWait(new StopFollowUp(new PatientId(withdrawn.patientId()), withdrawn.withdrawnOn(),
                "consent withdrawn"));
    }
}
