package org.trialstream.enrolment.patient.web;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.trialstream.enrolment.patient.api.AssessEligibilityCommand;
import org.trialstream.enrolment.patient.api.CorrectEnrolmentCommand;
import org.trialstream.enrolment.patient.api.EnrolPatientCommand;
import org.trialstream.enrolment.patient.api.ScreenPatientCommand;
import org.trialstream.enrolment.patient.api.WithdrawConsentCommand;
import org.trialstream.enrolment.patient.web.PatientRequests.Accepted;
import org.trialstream.kernel.patient.PatientId;
import org.trialstream.kernel.patient.SiteId;
import org.trialstream.platform.web.CommandSender;
import org.trialstream.platform.web.IfMatch;
import org.trialstream.support.security.Actor;

/**
 * Site staff record screening, eligibility, enrolment, withdrawal and corrections. Reads are served by the
 * projections service. An optional {@code If-Match} header carries the patient record's version as last seen (the
 * registry's {@code version}), and a change made since then is refused with 409.
 */
@RestController
@RequestMapping("/patients")
class PatientController {

    private final CommandSender commands;

    PatientController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<Accepted> screen(@Valid @RequestBody PatientRequests.Screening request) {
        Actor actor = Actor.current().orElseThrow();
        if (actor.role().isSiteStaff() && !request.siteId().equals(actor.site())) {
            throw new AccessDeniedException("site staff screen patients at their own site only");
        }
        PatientId patientId = PatientId.random();
        send(new ScreenPatientCommand(patientId, request.screeningNumber(), new SiteId(request.siteId()),
                request.screenedOn()), request.screenedOn());
        // The record is read from the projections service (GET /patients/{id} there), so no Location here.
        return ResponseEntity.status(HttpStatus.CREATED).body(new Accepted(patientId.toString()));
    }

    @PostMapping("/{patientId}/eligibility")
    Accepted assessEligibility(@PathVariable UUID patientId, @Valid @RequestBody PatientRequests.Eligibility request,
                               @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        send(new AssessEligibilityCommand(new PatientId(patientId), request.answers(), request.assessedOn(),
                IfMatch.expectedVersion(ifMatch)), request.assessedOn());
        return new Accepted(patientId.toString());
    }

    @PostMapping("/{patientId}/enrolment")
    Accepted enrol(@PathVariable UUID patientId, @Valid @RequestBody PatientRequests.Enrolment request,
                   @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        send(new EnrolPatientCommand(new PatientId(patientId), request.enrolledOn(), request.surgeryDate(),
                request.margin(), request.histology().strip(), IfMatch.expectedVersion(ifMatch)),
                request.enrolledOn());
        return new Accepted(patientId.toString());
    }

    @PostMapping("/{patientId}/withdrawal")
    Accepted withdraw(@PathVariable UUID patientId, @Valid @RequestBody PatientRequests.Withdrawal request,
                      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        send(new WithdrawConsentCommand(new PatientId(patientId), request.withdrawnOn(), request.reason().strip(),
                IfMatch.expectedVersion(ifMatch)), request.withdrawnOn());
        return new Accepted(patientId.toString());
    }

    @PostMapping("/{patientId}/corrections")
    Accepted correct(@PathVariable UUID patientId, @Valid @RequestBody PatientRequests.Correction request,
                     @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        send(new CorrectEnrolmentCommand(new PatientId(patientId), request.surgeryDate(), request.margin(),
                request.histology() == null ? null : request.histology().strip(), request.reason().strip(),
                IfMatch.expectedVersion(ifMatch)), null);
        return new Accepted(patientId.toString());
    }

    private void send(Object command, LocalDate clinicalDate) {
        commands.send(command, clinicalDate);
    }
}
