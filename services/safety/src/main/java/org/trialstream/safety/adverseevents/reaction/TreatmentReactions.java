package org.trialstream.safety.adverseevents.reaction;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import org.trialstream.kernel.contract.dosing.FirstDoseTaken;
import org.trialstream.kernel.contract.enrolment.EnrolmentCorrected;
import org.trialstream.kernel.contract.enrolment.PatientEnrolled;
import org.trialstream.kernel.contract.radiotherapy.FractionDelivered;
import org.trialstream.kernel.patient.PatientId;
import org.trialstream.platform.inbound.InboundFacts;
import org.trialstream.safety.adverseevents.api.SafetyCommands.CorrectSurgeryDate;
import org.trialstream.safety.adverseevents.api.SafetyCommands.OpenSafetyRecord;
import org.trialstream.safety.adverseevents.api.SafetyCommands.RecordTreatmentGiven;
import org.trialstream.safety.adverseevents.api.SafetyCommands.Treatment;

/**
 * Enrolment opens a patient's safety record; the first anlotinib dose and radiotherapy fractions tell it when study
 * treatment started, against which every adverse event is judged treatment-emergent or not.
 */
@Component
@ProcessingGroup(InboundFacts.PROCESSING_GROUP)
class TreatmentReactions {

    private final CommandGateway commands;

    TreatmentReactions(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(PatientEnrolled enrolled) {
        commands.sendAndWait(new OpenSafetyRecord(new PatientId(enrolled.patientId()), enrolled.siteId(),
                enrolled.screeningNumber(), enrolled.surgeryDate()));
    }

    @EventHandler
    void on(EnrolmentCorrected corrected) {
        commands.sendAndWait(new CorrectSurgeryDate(new PatientId(corrected.patientId()), corrected.surgeryDate()));
    }

    @EventHandler
    void on(FirstDoseTaken dose) {
        commands.sendAndWait(new RecordTreatmentGiven(new PatientId(dose.patientId()), Treatment.ANLOTINIB,
                dose.takenOn()));
    }

    @EventHandler
    void on(FractionDelivered fraction) {
        commands.sendAndWait(new RecordTreatmentGiven(new PatientId(fraction.patientId()), Treatment.RADIOTHERAPY,
                fraction.deliveredOn()));
    }
}
