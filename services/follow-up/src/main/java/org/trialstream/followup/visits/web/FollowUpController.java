package org.trialstream.followup.visits.web;

import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.trialstream.followup.visits.api.FollowUpCommands.CorrectAssessment;
import org.trialstream.followup.visits.api.FollowUpCommands.RecordAssessment;
import org.trialstream.followup.visits.api.FollowUpCommands.RecordContact;
import org.trialstream.followup.visits.api.FollowUpCommands.RecordDeath;
import org.trialstream.followup.visits.api.FollowUpCommands.RecordLoss;
import org.trialstream.followup.visits.web.FollowUpRequests.Accepted;
import org.trialstream.kernel.patient.PatientId;
import org.trialstream.platform.web.CommandSender;
import org.trialstream.platform.web.IfMatch;

/**
 * Site staff record what follow-up finds. The schedule itself comes from enrolment's facts; reads (the worklist and
 * the endpoints) are served by the projections service. An optional {@code If-Match} carries the follow-up record's
 * version as last seen.
 */
@RestController
@RequestMapping("/patients/{patientId}/follow-up")
class FollowUpController {

    private final CommandSender commands;

    FollowUpController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping("/assessments")
    Accepted assess(@PathVariable UUID patientId, @Valid @RequestBody FollowUpRequests.Assessment request,
                    @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        commands.send(new RecordAssessment(new PatientId(patientId), request.findings(),
                IfMatch.expectedVersion(ifMatch)), request.assessedOn());
        return new Accepted(patientId.toString());
    }

    @PostMapping("/assessments/corrections")
    Accepted correct(@PathVariable UUID patientId, @Valid @RequestBody FollowUpRequests.Correction request,
                     @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        commands.send(new CorrectAssessment(new PatientId(patientId), request.correctedEventId().strip(),
                request.findings(), request.reason().strip(), IfMatch.expectedVersion(ifMatch)), null);
        return new Accepted(patientId.toString());
    }

    @PostMapping("/contacts")
    Accepted contact(@PathVariable UUID patientId, @Valid @RequestBody FollowUpRequests.Contact request,
                     @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        commands.send(new RecordContact(new PatientId(patientId), request.on(), IfMatch.expectedVersion(ifMatch)),
                request.on());
        return new Accepted(patientId.toString());
    }

    @PostMapping("/death")
    Accepted death(@PathVariable UUID patientId, @Valid @RequestBody FollowUpRequests.Death request,
                   @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        commands.send(new RecordDeath(new PatientId(patientId), request.diedOn(), request.cause().strip(),
                IfMatch.expectedVersion(ifMatch)), request.diedOn());
        return new Accepted(patientId.toString());
    }

    @PostMapping("/lost")
    Accepted lost(@PathVariable UUID patientId, @Valid @RequestBody FollowUpRequests.Loss request,
                  @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        commands.send(new RecordLoss(new PatientId(patientId), request.lastKnownAliveOn(), request.reason().strip(),
                IfMatch.expectedVersion(ifMatch)), request.lastKnownAliveOn());
        return new Accepted(patientId.toString());
    }
}
