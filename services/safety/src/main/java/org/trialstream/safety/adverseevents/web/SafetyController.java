package org.trialstream.safety.adverseevents.web;

import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trialstream.kernel.patient.PatientId;
import org.trialstream.platform.web.CommandSender;
import org.trialstream.platform.web.IfMatch;
import org.trialstream.safety.adverseevents.api.SafetyCommands.ChangeGrade;
import org.trialstream.safety.adverseevents.api.SafetyCommands.CorrectAdverseEvent;
import org.trialstream.safety.adverseevents.api.SafetyCommands.ReportAdverseEvent;
import org.trialstream.safety.adverseevents.api.SafetyCommands.ReportSeriousness;
import org.trialstream.safety.adverseevents.api.SafetyCommands.ResolveAdverseEvent;
import org.trialstream.safety.adverseevents.api.SafetyCommands.SubmitReport;
import org.trialstream.safety.adverseevents.web.SafetyRequests.Accepted;

/**
 * Site staff report and follow adverse events; the safety officer records the reports sent to the sponsor. Reads
 * (the toxicity tables) are served by the projections service, the report clock by {@code /sae-clock}. An optional
 * {@code If-Match} carries the patient's safety record version as last seen.
 */
@RestController
@RequestMapping("/patients/{patientId}/adverse-events")
class SafetyController {

    private final CommandSender commands;

    SafetyController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Accepted report(@PathVariable UUID patientId, @Valid @RequestBody SafetyRequests.AdverseEvent request,
                    @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        UUID adverseEventId = UUID.randomUUID();
        commands.send(new ReportAdverseEvent(new PatientId(patientId), adverseEventId, request.description(),
                IfMatch.expectedVersion(ifMatch)), request.onsetOn());
        return new Accepted(patientId.toString(), adverseEventId.toString());
    }

    @PostMapping("/{adverseEventId}/grade-changes")
    Accepted changeGrade(@PathVariable UUID patientId, @PathVariable UUID adverseEventId,
                         @Valid @RequestBody SafetyRequests.GradeChange request,
                         @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        commands.send(new ChangeGrade(new PatientId(patientId), adverseEventId, request.grade(), request.on(),
                request.reason().strip(), IfMatch.expectedVersion(ifMatch)), request.on());
        return new Accepted(patientId.toString(), adverseEventId.toString());
    }

    @PostMapping("/{adverseEventId}/seriousness")
    Accepted seriousness(@PathVariable UUID patientId, @PathVariable UUID adverseEventId,
                         @Valid @RequestBody SafetyRequests.SeriousnessReport request,
                         @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        commands.send(new ReportSeriousness(new PatientId(patientId), adverseEventId, request.criteria(),
                request.awareOn(), IfMatch.expectedVersion(ifMatch)), request.awareOn());
        return new Accepted(patientId.toString(), adverseEventId.toString());
    }

    @PostMapping("/{adverseEventId}/resolution")
    Accepted resolve(@PathVariable UUID patientId, @PathVariable UUID adverseEventId,
                     @Valid @RequestBody SafetyRequests.Resolution request,
                     @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        commands.send(new ResolveAdverseEvent(new PatientId(patientId), adverseEventId, request.resolvedOn(),
                request.outcome(), IfMatch.expectedVersion(ifMatch)), request.resolvedOn());
        return new Accepted(patientId.toString(), adverseEventId.toString());
    }

    @PostMapping("/{adverseEventId}/corrections")
    Accepted correct(@PathVariable UUID patientId, @PathVariable UUID adverseEventId,
                     @Valid @RequestBody SafetyRequests.Correction request,
                     @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        commands.send(new CorrectAdverseEvent(new PatientId(patientId), adverseEventId,
                request.adverseEvent().description(), request.reason().strip(), IfMatch.expectedVersion(ifMatch)),
                null);
        return new Accepted(patientId.toString(), adverseEventId.toString());
    }

    @PostMapping("/{adverseEventId}/reports")
    Accepted submitReport(@PathVariable UUID patientId, @PathVariable UUID adverseEventId,
                          @Valid @RequestBody SafetyRequests.Report request,
                          @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        commands.send(new SubmitReport(new PatientId(patientId), adverseEventId, request.kind(),
                request.submittedOn(), request.recipient().strip(), IfMatch.expectedVersion(ifMatch)),
                request.submittedOn());
        return new Accepted(patientId.toString(), adverseEventId.toString());
    }
}
