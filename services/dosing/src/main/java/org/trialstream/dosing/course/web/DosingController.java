package org.trialstream.dosing.course.web;

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
import org.trialstream.dosing.course.api.DosingCommands.CorrectDispensing;
import org.trialstream.dosing.course.api.DosingCommands.CorrectReturn;
import org.trialstream.dosing.course.api.DosingCommands.Discontinue;
import org.trialstream.dosing.course.api.DosingCommands.Dispense;
import org.trialstream.dosing.course.api.DosingCommands.InterruptDosing;
import org.trialstream.dosing.course.api.DosingCommands.RecordDiary;
import org.trialstream.dosing.course.api.DosingCommands.ReduceDose;
import org.trialstream.dosing.course.api.DosingCommands.ResolveDoseDecision;
import org.trialstream.dosing.course.api.DosingCommands.ResumeDosing;
import org.trialstream.dosing.course.api.DosingCommands.ReturnTablets;
import org.trialstream.dosing.course.api.DosingCommands.TakeFirstDose;
import org.trialstream.dosing.course.web.DosingRequests.Accepted;
import org.trialstream.kernel.patient.PatientId;
import org.trialstream.platform.domain.ClinicalCalendar;
import org.trialstream.platform.web.CommandSender;
import org.trialstream.platform.web.IfMatch;

/**
 * The pharmacist and the investigator of the patient's site record the anlotinib course. Reads (exposure, open dose
 * decisions) are served by the projections service. An optional {@code If-Match} carries the course version as last
 * seen.
 */
@RestController
@RequestMapping("/patients/{patientId}/anlotinib")
class DosingController {

    private final CommandSender commands;
    private final ClinicalCalendar calendar;

    DosingController(CommandSender commands, ClinicalCalendar calendar) {
        this.commands = commands;
        this.calendar = calendar;
    }

    @PostMapping("/first-dose")
    Accepted firstDose(@PathVariable UUID patientId, @Valid @RequestBody DosingRequests.FirstDose request,
                       @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        String deviation = request.deviation() == null ? null : request.deviation().reason().strip();
        return send(patientId, new TakeFirstDose(new PatientId(patientId), request.takenOn(), request.doseMg(),
                deviation, IfMatch.expectedVersion(ifMatch)), request.takenOn());
    }

    @PostMapping("/dispensings")
    @ResponseStatus(HttpStatus.CREATED)
    Accepted dispense(@PathVariable UUID patientId, @Valid @RequestBody DosingRequests.Dispensing request,
                      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return send(patientId, new Dispense(new PatientId(patientId), request.dispensedOn(), request.cycle(),
                request.tablets(), request.strengthMg(), request.lot().strip(), IfMatch.expectedVersion(ifMatch)),
                request.dispensedOn());
    }

    @PostMapping("/returns")
    @ResponseStatus(HttpStatus.CREATED)
    Accepted giveBack(@PathVariable UUID patientId, @Valid @RequestBody DosingRequests.Return request,
                      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return send(patientId, new ReturnTablets(new PatientId(patientId), request.returnedOn(), request.cycle(),
                request.tablets(), IfMatch.expectedVersion(ifMatch)), request.returnedOn());
    }

    @PostMapping("/dispensings/corrections")
    Accepted correctDispensing(@PathVariable UUID patientId,
                               @Valid @RequestBody DosingRequests.DispensingCorrection request,
                               @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return send(patientId, new CorrectDispensing(new PatientId(patientId), request.correctedEventId().strip(),
                request.dispensedOn(), request.cycle(), request.tablets(), request.strengthMg(), request.lot().strip(),
                request.reason().strip(), IfMatch.expectedVersion(ifMatch)), request.dispensedOn());
    }

    @PostMapping("/returns/corrections")
    Accepted correctReturn(@PathVariable UUID patientId, @Valid @RequestBody DosingRequests.ReturnCorrection request,
                           @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return send(patientId, new CorrectReturn(new PatientId(patientId), request.correctedEventId().strip(),
                request.returnedOn(), request.cycle(), request.tablets(), request.reason().strip(),
                IfMatch.expectedVersion(ifMatch)), request.returnedOn());
    }

    @PostMapping("/diary")
    @ResponseStatus(HttpStatus.CREATED)
    Accepted diary(@PathVariable UUID patientId, @Valid @RequestBody DosingRequests.Diary request,
                   @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        return send(patientId, new RecordDiary(new PatientId(patientId), request.cycle(),
                request.days().stream().map(DosingRequests.Day::day).toList(), reason,
                IfMatch.expectedVersion(ifMatch)), null);
    }

    @PostMapping("/dose-reductions")
    @ResponseStatus(HttpStatus.CREATED)
    Accepted reduce(@PathVariable UUID patientId, @Valid @RequestBody DosingRequests.DoseReduction request,
                    @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return send(patientId, new ReduceDose(new PatientId(patientId), request.effectiveOn(), request.toMg(),
                request.adverseEventId(), request.reason().strip(), IfMatch.expectedVersion(ifMatch)),
                request.effectiveOn());
    }

    @PostMapping("/interruptions")
    @ResponseStatus(HttpStatus.CREATED)
    Accepted interrupt(@PathVariable UUID patientId, @Valid @RequestBody DosingRequests.Interruption request,
                       @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return send(patientId, new InterruptDosing(new PatientId(patientId), request.from(),
                request.reason().strip(), IfMatch.expectedVersion(ifMatch)), request.from());
    }

    @PostMapping("/resumptions")
    @ResponseStatus(HttpStatus.CREATED)
    Accepted resume(@PathVariable UUID patientId, @Valid @RequestBody DosingRequests.Resumption request,
                    @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return send(patientId, new ResumeDosing(new PatientId(patientId), request.on(),
                IfMatch.expectedVersion(ifMatch)), request.on());
    }

    @PostMapping("/discontinuation")
    Accepted discontinue(@PathVariable UUID patientId, @Valid @RequestBody DosingRequests.Discontinuation request,
                         @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        String detail = request.detail() == null || request.detail().isBlank() ? null : request.detail().strip();
        return send(patientId, new Discontinue(new PatientId(patientId), request.on(), request.reason(), detail,
                request.adverseEventId(), IfMatch.expectedVersion(ifMatch)), request.on());
    }

    @PostMapping("/dose-decisions/{decisionId}")
    Accepted decide(@PathVariable UUID patientId, @PathVariable UUID decisionId,
                    @Valid @RequestBody DosingRequests.Decision request,
                    @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        LocalDate on = request.on() == null ? calendar.today() : request.on();
        return send(patientId, new ResolveDoseDecision(new PatientId(patientId), decisionId, request.decision(),
                request.reason().strip(), on, IfMatch.expectedVersion(ifMatch)), on);
    }

    private Accepted send(UUID patientId, Object command, LocalDate clinicalDate) {
        commands.send(command, clinicalDate);
        return new Accepted(patientId.toString());
    }
}
