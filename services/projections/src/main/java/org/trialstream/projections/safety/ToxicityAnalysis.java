package org.trialstream.projections.safety;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.trialstream.projections.safety.PatientSafety.AdverseEvent;
import org.trialstream.projections.safety.ToxicityViews.Count;
import org.trialstream.projections.safety.ToxicityViews.DataQuery;
import org.trialstream.projections.safety.ToxicityViews.DeathRow;
import org.trialstream.projections.safety.ToxicityViews.DeathsView;
import org.trialstream.projections.safety.ToxicityViews.DiscontinuationRow;
import org.trialstream.projections.safety.ToxicityViews.DoseModificationsView;
import org.trialstream.projections.safety.ToxicityViews.Grade5Row;
import org.trialstream.projections.safety.ToxicityViews.GradeCount;
import org.trialstream.projections.safety.ToxicityViews.ReductionRow;
import org.trialstream.projections.safety.ToxicityViews.ReportRow;
import org.trialstream.projections.safety.ToxicityViews.ReportState;
import org.trialstream.projections.safety.ToxicityViews.SeriousRow;
import org.trialstream.projections.safety.ToxicityViews.SeriousView;
import org.trialstream.projections.safety.ToxicityViews.TeaeRow;
import org.trialstream.projections.safety.ToxicityViews.TeaeView;
import org.trialstream.protocol.definition.SafetyRules;

/**
 * The toxicity tables and listings, judged on patients' safety facts at a data cut. The incidence counts patients of
 * the safety population (treated by the cut) and their treatment-emergent events only; the listings show every event
 * of the patients they are given.
 */
final class ToxicityAnalysis {

    /** The rows of the incidence table. */
    enum Grouping {
        TERM("term", AdverseEvent::term),
        SOC("soc", AdverseEvent::systemOrganClass);

        private final String parameter;
        private final Function<AdverseEvent, String> row;

        Grouping(String parameter, Function<AdverseEvent, String> row) {
            this.parameter = parameter;
            this.row = row;
        }

        String parameter() {
            return parameter;
        }

        static Optional<Grouping> named(String parameter) {
            for (Grouping grouping : values()) {
                if (grouping.parameter.equals(parameter)) {
                    return Optional.of(grouping);
                }
            }
            return Optional.empty();
        }
    }

    static final String ANY_TEAE = "Any TEAE";
    private static final int WORST_GRADE = 5;

    private final SafetyRules rules;

    ToxicityAnalysis(SafetyRules rules) {
        this.rules = rules;
    }

    TeaeView teae(List<PatientSafety> patients, Grouping by, LocalDate dataCut, Instant asRecordedAt) {
        List<PatientSafety> population = patients.stream().filter(PatientSafety::treated).toList();
        // Worst grade per patient, per row and over all rows: a patient is counted once in a row.
        Map<String, Map<String, Integer>> rows = new TreeMap<>();
        Map<String, Integer> any = new HashMap<>();
        for (PatientSafety patient : population) {
            for (AdverseEvent event : patient.adverseEvents()) {
                if (event.treatmentEmergent()) {
                    rows.computeIfAbsent(by.row.apply(event), name -> new HashMap<>())
                            .merge(patient.patientId(), event.worstGrade(), Math::max);
                    any.merge(patient.patientId(), event.worstGrade(), Math::max);
                }
            }
        }
        int n = population.size();
        List<TeaeRow> table = rows.entrySet().stream()
                .map(row -> row(row.getKey(), row.getValue(), n))
                .sorted(Comparator.comparingInt((TeaeRow row) -> row.anyGrade().n()).reversed()
                        .thenComparing(TeaeRow::name))
                .toList();
        return new TeaeView(by.parameter(), dataCut, asRecordedAt, n, rules.severeGradeFrom(),
                row(ANY_TEAE, any, n), table);
    }

    private TeaeRow row(String name, Map<String, Integer> worstByPatient, int n) {
        int[] atGrade = new int[WORST_GRADE + 1];
        worstByPatient.values().forEach(grade -> atGrade[grade]++);
        List<GradeCount> grades = IntStream.rangeClosed(1, WORST_GRADE)
                .mapToObj(grade -> new GradeCount(grade, atGrade[grade], ToxicityViews.percent(atGrade[grade], n)))
                .toList();
        int severe = IntStream.rangeClosed(1, WORST_GRADE).filter(rules::isSevere).map(grade -> atGrade[grade]).sum();
        return new TeaeRow(name, Count.of(worstByPatient.size(), n), grades, Count.of(severe, n));
    }

    SeriousView serious(List<PatientSafety> patients, LocalDate dataCut, Instant asRecordedAt) {
        List<SeriousRow> rows = new ArrayList<>();
        for (PatientSafety patient : patients) {
            for (PatientSafety.Seriousness serious : patient.serious()) {
                List<ReportRow> reports = serious.reports().stream()
                        .map(report -> new ReportRow(report.kind(), report.dueOn(), report.submittedOn(),
                                state(report, dataCut)))
                        .toList();
                rows.add(new SeriousRow(patient.patientId(), patient.screeningNumber(), patient.siteId(),
                        serious.adverseEventId(), serious.term(), serious.grade(), serious.criteria(),
                        serious.awareOn(), serious.susar(), serious.upgrade(), reports));
            }
        }
        rows.sort(Comparator.comparing(SeriousRow::awareOn).thenComparing(SeriousRow::patientId)
                .thenComparing(SeriousRow::adverseEventId).thenComparing(SeriousRow::upgrade));
        return new SeriousView(dataCut, asRecordedAt, rows);
    }

    private static ReportState state(PatientSafety.Report report, LocalDate dataCut) {
        if (report.submittedOn() != null) {
            return report.submittedOn().isAfter(report.dueOn()) ? ReportState.SUBMITTED_LATE
                    : ReportState.SUBMITTED_ON_TIME;
        }
        return report.dueOn().isBefore(dataCut) ? ReportState.OVERDUE : ReportState.DUE;
    }

    /**
     * Grade-5 events, deaths, and the data queries between them: grade 5 means death (CTCAE), and follow-up owns the
     * death, so each must have the other, on the same day.
     */
    DeathsView deaths(List<PatientSafety> patients, LocalDate dataCut, Instant asRecordedAt) {
        List<Grade5Row> grade5 = new ArrayList<>();
        List<DeathRow> deaths = new ArrayList<>();
        List<DataQuery> queries = new ArrayList<>();
        for (PatientSafety patient : patients) {
            List<AdverseEvent> fatal = patient.adverseEvents().stream().filter(event -> event.grade5On() != null)
                    .toList();
            for (AdverseEvent event : fatal) {
                grade5.add(new Grade5Row(patient.patientId(), patient.screeningNumber(), patient.siteId(),
                        event.adverseEventId(), event.term(), event.onsetOn(), event.grade5On(),
                        event.treatmentEmergent()));
                if (patient.diedOn() == null) {
                    queries.add(query(patient, event, "grade 5 " + event.term() + " on " + event.grade5On()
                            + " but no death is recorded"));
                } else if (!event.grade5On().equals(patient.diedOn())) {
                    queries.add(query(patient, event, "grade 5 " + event.term() + " on " + event.grade5On()
                            + " but the death is recorded on " + patient.diedOn()));
                }
            }
            if (patient.diedOn() != null) {
                deaths.add(new DeathRow(patient.patientId(), patient.screeningNumber(), patient.siteId(),
                        patient.diedOn(), patient.causeOfDeath()));
                if (fatal.isEmpty()) {
                    queries.add(query(patient, null, "death recorded on " + patient.diedOn()
                            + " but no adverse event reached grade 5"));
                }
            }
        }
        grade5.sort(Comparator.comparing(Grade5Row::grade5On).thenComparing(Grade5Row::patientId)
                .thenComparing(Grade5Row::adverseEventId));
        deaths.sort(Comparator.comparing(DeathRow::diedOn).thenComparing(DeathRow::patientId));
        queries.sort(Comparator.comparing(DataQuery::patientId).thenComparing(DataQuery::query));
        return new DeathsView(dataCut, asRecordedAt, grade5, deaths, queries);
    }

    private static DataQuery query(PatientSafety patient, AdverseEvent event, String query) {
        return new DataQuery(patient.patientId(), patient.screeningNumber(), patient.siteId(),
                event == null ? null : event.adverseEventId(), query);
    }

    /** Dose reductions and discontinuations of anlotinib that dosing attributed to an adverse event. */
    DoseModificationsView doseModifications(List<PatientSafety> patients, LocalDate dataCut, Instant asRecordedAt) {
        List<ReductionRow> reductions = new ArrayList<>();
        List<DiscontinuationRow> discontinuations = new ArrayList<>();
        for (PatientSafety patient : patients) {
            for (PatientSafety.DoseReduction reduction : patient.reductions()) {
                Optional<AdverseEvent> event = event(patient, reduction.adverseEventId());
                reductions.add(new ReductionRow(patient.patientId(), patient.screeningNumber(), patient.siteId(),
                        reduction.adverseEventId(), event.map(AdverseEvent::term).orElse(null),
                        event.map(AdverseEvent::worstGrade).orElse(null), reduction.effectiveOn(),
                        reduction.fromMg(), reduction.toMg(), reduction.reason()));
            }
            for (PatientSafety.Discontinuation discontinuation : patient.discontinuations()) {
                Optional<AdverseEvent> event = event(patient, discontinuation.adverseEventId());
                discontinuations.add(new DiscontinuationRow(patient.patientId(), patient.screeningNumber(),
                        patient.siteId(), discontinuation.adverseEventId(), event.map(AdverseEvent::term).orElse(null),
                        event.map(AdverseEvent::worstGrade).orElse(null), discontinuation.on(),
                        discontinuation.reason(), discontinuation.detail()));
            }
        }
        reductions.sort(Comparator.comparing(ReductionRow::effectiveOn).thenComparing(ReductionRow::patientId)
                .thenComparing(ReductionRow::adverseEventId));
        discontinuations.sort(Comparator.comparing(DiscontinuationRow::on).thenComparing(DiscontinuationRow::patientId));
        return new DoseModificationsView(dataCut, asRecordedAt, reductions, discontinuations);
    }

    private static Optional<AdverseEvent> event(PatientSafety patient, String adverseEventId) {
        return patient.adverseEvents().stream().filter(event -> event.adverseEventId().equals(adverseEventId))
                .findFirst();
    }
}
