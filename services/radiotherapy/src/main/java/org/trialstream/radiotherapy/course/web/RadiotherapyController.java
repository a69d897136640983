package org.trialstream.radiotherapy.course.web;

import java.time.LocalDate;
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
import org.trialstream.radiotherapy.course.api.RadiotherapyCommands.ConfirmPrescription;
import org.trialstream.radiotherapy.course.api.RadiotherapyCommands.DeliverFraction;
import org.trialstream.radiotherapy.course.api.RadiotherapyCommands.Prescribe;
import org.trialstream.radiotherapy.course.api.RadiotherapyCommands.RecordDeviation;
import org.trialstream.radiotherapy.course.api.RadiotherapyCommands.RecordInterruption;
import org.trialstream.radiotherapy.course.api.RadiotherapyCommands.StopEarly;
import org.trialstream.radiotherapy.course.web.RadiotherapyRequests.Accepted;

/**
 * The radiation oncologist of the patient's site records the course. Reads (compliance, the overlap with anlotinib)
 * are served by the projections service. An optional {@code If-Match} carries the course version as last seen.
 */
@RestController
@RequestMapping("/patients/{patientId}/radiotherapy")
class RadiotherapyController {

    private final CommandSender commands;

    RadiotherapyController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping("/prescription")
    Accepted prescribe(@PathVariable UUID patientId, @Valid @RequestBody RadiotherapyRequests.Prescription request,
                       @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        return send(patientId, new Prescribe(new PatientId(patientId), request.prescribedOn(), request.baseDoseGy(),
                request.baseFractions(), request.boostDoseGy(), request.boostFractions(), reason,
                IfMatch.expectedVersion(ifMatch)), request.prescribedOn());
    }

    @PostMapping("/prescription/confirmation")
    Accepted confirm(@PathVariable UUID patientId, @Valid @RequestBody RadiotherapyRequests.Confirmation request,
                     @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return send(patientId, new ConfirmPrescription(new PatientId(patientId), request.on(),
                request.reason().strip(), IfMatch.expectedVersion(ifMatch)), request.on());
    }

    @PostMapping("/fractions")
    @ResponseStatus(HttpStatus.CREATED)
    Accepted deliver(@PathVariable UUID patientId, @Valid @RequestBody RadiotherapyRequests.Fraction request,
                     @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return send(patientId, new DeliverFraction(new PatientId(patientId), request.deliveredOn(), request.doseGy(),
                request.phase(), IfMatch.expectedVersion(ifMatch)), request.deliveredOn());
    }

    @PostMapping("/interruptions")
    @ResponseStatus(HttpStatus.CREATED)
    Accepted interrupt(@PathVariable UUID patientId, @Valid @RequestBody RadiotherapyRequests.Interruption request,
                       @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return send(patientId, new RecordInterruption(new PatientId(patientId), request.from(), request.to(),
                request.reason().strip(), IfMatch.expectedVersion(ifMatch)), request.from());
    }

    @PostMapping("/deviations")
    @ResponseStatus(HttpStatus.CREATED)
    Accepted deviation(@PathVariable UUID patientId, @Valid @RequestBody RadiotherapyRequests.Deviation request,
                       @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return send(patientId, new RecordDeviation(new PatientId(patientId), request.on(), request.severity(),
                request.description().strip(), IfMatch.expectedVersion(ifMatch)), request.on());
    }

    @PostMapping("/early-stop")
    Accepted stopEarly(@PathVariable UUID patientId, @Valid @RequestBody RadiotherapyRequests.EarlyStop request,
                       @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return send(patientId, new StopEarly(new PatientId(patientId), request.on(), request.reason().strip(),
                IfMatch.expectedVersion(ifMatch)), request.on());
    }

    private Accepted send(UUID patientId, Object command, LocalDate clinicalDate) {
        commands.send(command, clinicalDate);
        return new Accepted(patientId.toString());
    }
}
