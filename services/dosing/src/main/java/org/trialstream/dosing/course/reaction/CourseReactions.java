package org.trialstream.dosing.course.reaction;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import org.trialstream.dosing.course.api.DosingCommands.EndCourse;
import org.trialstream.dosing.course.api.DosingCommands.PlanCourse;
import org.trialstream.dosing.course.api.DosingCommands.RequireDoseDecision;
import org.trialstream.kernel.contract.dosing.DiscontinuationReason;
import org.trialstream.kernel.contract.enrolment.ConsentWithdrawn;
import org.trialstream.kernel.contract.enrolment.EnrolmentCorrected;
import org.trialstream.kernel.contract.enrolment.PatientEnrolled;
import org.trialstream.kernel.contract.followup.DeathRecorded;
import org.trialstream.kernel.contract.safety.DoseDecisionWarranted;
import org.trialstream.kernel.patient.PatientId;
import org.trialstream.platform.inbound.InboundFacts;

/**
 * Enrolment plans the course (and re-plans it when the surgery date is corrected); a withdrawal of consent or a death
 * ends it; an adverse event that meets the protocol's dose-modification rule raises a dose decision.
 */
@Component
@ProcessingGroup(InboundFacts.PROCESSING_GROUP)
class CourseReactions {

    private final CommandGateway commands;

    CourseReactions(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(PatientEnrolled enrolled) {
        commands.sendAndWait(new PlanCourse(new PatientId(enrolled.patientId()), enrolled.siteId(),
                enrolled.screeningNumber(), enrolled.surgeryDate()));
    }

    /** The correction carries the whole enrolment but not the site: the course keeps the site it has. */
    @EventHandler
    void on(EnrolmentCorrected corrected) {
        commands.sendAndWait(new PlanCourse(new PatientId(corrected.patientId()), null, null,
                corrected.surgeryDate()));
    }

    @EventHandler
    void on(DoseDecisionWarranted warranted) {
        commands.sendAndWait(new RequireDoseDecision(new PatientId(warranted.patientId()),
                warranted.adverseEventId(), warranted.siteId(), warranted.term(), warranted.grade(),
                warranted.intolerable(), warranted.on()));
    }

    @EventHandler
    void on(ConsentWithdrawn withdrawn) {
        commands.sendAndWait(new EndCourse(new PatientId(withdrawn.patientId()), withdrawn.withdrawnOn(),
                DiscontinuationReason.CONSENT_WITHDRAWN, withdrawn.reason()));
    }

    @EventHandler
    void on(DeathRecorded death) {
        commands.sendAndWait(new EndCourse(new PatientId(death.patientId()), death.diedOn(),
                DiscontinuationReason.DEATH, death.cause()));
    }
}
