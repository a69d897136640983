package org.trialstream.projections.followup;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.trialstream.protocol.definition.EndpointDefinitions;
import org.trialstream.protocol.definition.EndpointDefinitions.Endpoint;
import org.trialstream.statistics.survival.CompetingRiskObservation;
import org.trialstream.statistics.survival.CompetingRiskObservation.Cause;

/**
 * The endpoints of the protocol file, judged on patient histories: each endpoint's time from surgery and whether it
 * ended in the event or is censored.
 * <ul>
 *   <li>LRFS (MFS): the first assessment that found a local recurrence (metastasis) is the event; without one the
 *       patient is censored at the last assessment (at surgery when there is none). A death counts as the event only
 *       where the protocol file says so ({@code deathIsEvent}).</li>
 *   <li>OS: death is the event; otherwise censored at the last date known alive.</li>
 * </ul>
 */
final class EndpointAnalysis {

    /** One patient's outcome for one endpoint. */
    record Outcome(String patientId, long days, double months, boolean event) {
    }

    private final EndpointDefinitions definitions;

    EndpointAnalysis(EndpointDefinitions definitions) {
        this.definitions = definitions;
    }

    Endpoint definition(EndpointKind kind) {
        return switch (kind) {
            case LRFS -> definitions.lrfs();
            case MFS -> definitions.mfs();
            case OS -> definitions.os();
        };
    }

    Outcome outcome(EndpointKind kind, PatientHistory patient) {
        Endpoint endpoint = definition(kind);
        return switch (endpoint.event()) {
            case DEATH -> patient.diedOn() != null ? outcome(patient, patient.diedOn(), true)
                    : outcome(patient, patient.lastKnownAlive(), false);
            case LOCAL_RECURRENCE_ON_IMAGING -> imaging(patient, PatientHistory.Assessment::localRecurrence,
                    endpoint.deathIsEvent());
            case METASTASIS_ON_IMAGING -> imaging(patient, PatientHistory.Assessment::distantMetastasis,
                    endpoint.deathIsEvent());
        };
    }

    /** Local recurrence, with a death before it as the competing event (censored at the last assessment). */
    CompetingRiskObservation localRecurrenceWithDeathCompeting(PatientHistory patient) {
        Optional<LocalDate> recurrence = firstFinding(patient, PatientHistory.Assessment::localRecurrence);
        if (recurrence.isPresent()) {
            return new CompetingRiskObservation(months(patient, recurrence.get()), Cause.EVENT);
        }
        if (patient.diedOn() != null) {
            return new CompetingRiskObservation(months(patient, patient.diedOn()), Cause.COMPETING);
        }
        return new CompetingRiskObservation(months(patient, lastAssessment(patient)), Cause.CENSORED);
    }

    private Outcome imaging(PatientHistory patient, Predicate<PatientHistory.Assessment> found, boolean deathIsEvent) {
        Optional<LocalDate> first = firstFinding(patient, found);
        if (first.isPresent()) {
            return outcome(patient, first.get(), true);
        }
        if (deathIsEvent && patient.diedOn() != null) {
            return outcome(patient, patient.diedOn(), true);
        }
        return outcome(patient, lastAssessment(patient), false);
    }

    private static Optional<LocalDate> firstFinding(PatientHistory patient,
                                                    Predicate<PatientHistory.Assessment> found) {
        return patient.assessments().stream().filter(found).map(PatientHistory.Assessment::on)
                .min(Comparator.naturalOrder());
    }

    private static LocalDate lastAssessment(PatientHistory patient) {
        return patient.assessments().stream().map(PatientHistory.Assessment::on).max(Comparator.naturalOrder())
                .orElse(patient.surgery());
    }

    private Outcome outcome(PatientHistory patient, LocalDate on, boolean event) {
        long days = ChronoUnit.DAYS.between(patient.surgery(), on);
        return new Outcome(patient.patientId(), days, days / definitions.daysPerMonth(), event);
    }

    private double months(PatientHistory patient, LocalDate on) {
        return ChronoUnit.DAYS.between(patient.surgery(), on) / definitions.daysPerMonth();
    }

    static List<Outcome> sorted(List<Outcome> outcomes) {
        List<Outcome> sorted = new ArrayList<>(outcomes);
        sorted.sort(Comparator.comparing(Outcome::patientId));
        return sorted;
    }
}
