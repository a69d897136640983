package org.trialstream.radiotherapy.course.reaction;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import org.trialstream.kernel.contract.enrolment.EnrolmentCorrected;
import org.trialstream.kernel.contract.enrolment.PatientEnrolled;
import org.trialstream.kernel.patient.PatientId;
import org.trialstream.platform.inbound.InboundFacts;
import org.trialstream.radiotherapy.course.api.RadiotherapyCommands.PlanRadiotherapy;

/** Enrolment gives the course its site, surgery date and resection margin; a correction corrects them. */
@Component
@ProcessingGroup(InboundFacts.PROCESSING_GROUP)
class EnrolmentReactions {

    private final CommandGateway commands;

    EnrolmentReactions(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(PatientEnrolled enrolled) {
        commands.sendAndWait(new PlanRadiotherapy(new PatientId(enrolled.patientId()), enrolled.siteId(),
                enrolled.screeningNumber(), enrolled.surgeryDate(), enrolled.margin()));
    }

    @EventHandler
    void on(EnrolmentCorrected corrected) {
        commands.sendAndWait(new PlanRadiotherapy(new PatientId(corrected.patientId()), null, null,
                corrected.surgeryDate(), corrected.margin()));
    }
}
