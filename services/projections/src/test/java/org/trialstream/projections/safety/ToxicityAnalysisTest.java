package org.trialstream.projections.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trialstream.projections.safety.SafetyFixtures.ANOREXIA;
import static org.trialstream.projections.safety.SafetyFixtures.DIARRHEA;
import static org.trialstream.projections.safety.SafetyFixtures.FATIGUE;
import static org.trialstream.projections.safety.SafetyFixtures.HYPERTENSION;
import static org.trialstream.projections.safety.SafetyFixtures.NAUSEA;
import static org.trialstream.projections.safety.SafetyFixtures.SEPSIS;
import static org.trialstream.projections.safety.SafetyFixtures.VOMITING;
import static org.trialstream.projections.safety.SafetyFixtures.corrected;
import static org.trialstream.projections.safety.SafetyFixtures.regraded;
import static org.trialstream.projections.safety.SafetyFixtures.reported;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.trialstream.kernel.contract.TrialEvent;
import org.trialstream.kernel.contract.dosing.AnlotinibDiscontinued;
import org.trialstream.kernel.contract.dosing.DiscontinuationReason;
import org.trialstream.kernel.contract.dosing.DoseReduced;
import org.trialstream.kernel.contract.dosing.FirstDoseTaken;
import org.trialstream.kernel.contract.enrolment.PatientEnrolled;
import org.trialstream.kernel.contract.followup.DeathRecorded;
import org.trialstream.kernel.contract.radiotherapy.FractionDelivered;
import org.trialstream.kernel.contract.radiotherapy.RadiotherapyPhase;
import org.trialstream.kernel.contract.safety.Attribution;
import org.trialstream.kernel.contract.safety.Causality;
import org.trialstream.kernel.contract.safety.ExpeditedReportKind;
import org.trialstream.kernel.contract.safety.ExpeditedReportSubmitted;
import org.trialstream.kernel.contract.safety.SeriousAdverseEventReported;
import org.trialstream.kernel.contract.safety.SeriousnessCriterion;
import org.trialstream.kernel.contract.safety.TreatmentEmergenceRejudged;
import org.trialstream.kernel.patient.ResectionMargin;
import org.trialstream.projections.followup.PatientFactsDocument;
import org.trialstream.projections.safety.ToxicityAnalysis.Grouping;
import org.trialstream.projections.safety.ToxicityViews.Count;
import org.trialstream.projections.safety.ToxicityViews.DataQuery;
import org.trialstream.projections.safety.ToxicityViews.GradeCount;
import org.trialstream.projections.safety.ToxicityViews.ReportState;
import org.trialstream.projections.safety.ToxicityViews.TeaeRow;
import org.trialstream.projections.safety.ToxicityViews.TeaeView;
import org.trialstream.protocol.definition.ProtocolLoader;
import org.trialstream.protocol.definition.SafetyRules;

/** The toxicity analysis on patient-facts documents built by hand, as the projection stores them. */
class ToxicityAnalysisTest {

    private static final SafetyRules RULES = ProtocolLoader.loadDefault().safety();
    private static final LocalDate FIRST_DOSE = LocalDate.of(2026, 2, 1);
    private static final LocalDate CUT = LocalDate.of(2026, 6, 30);
    private static final Instant RECORDED = Instant.parse("2026-03-04T09:00:00Z");

    private final ToxicityAnalysis analysis = new ToxicityAnalysis(RULES);

    @Test
    void countsAPatientOnceInARowAtTheirWorstGrade() {
        Patient patient = treated("S-01");
        patient.reportedTe(HYPERTENSION, 1, FIRST_DOSE.plusDays(10));
        UUID worse = patient.reportedTe(HYPERTENSION, 2, FIRST_DOSE.plusDays(20));
        patient.add(regraded(patient.id, worse, 3, 3, FIRST_DOSE.plusDays(30)));

        TeaeRow hypertension = teae(Grouping.TERM, patient).rows().get(0);
        assertThat(hypertension.name()).isEqualTo("Hypertension");
        assertThat(hypertension.anyGrade().n()).isEqualTo(1);
        assertThat(grades(hypertension)).containsExactly(0, 0, 1, 0, 0);
        assertThat(hypertension.severe().n()).isEqualTo(1);
    }

    @Test
    void ignoresGradeChangesDatedAfterTheDataCut() {
        Patient patient = treated("S-01");
        UUID event = patient.reportedTe(DIARRHEA, 2, FIRST_DOSE.plusDays(10));
        patient.add(regraded(patient.id, event, 3, 3, CUT.plusDays(1)));

        TeaeRow diarrhea = teae(Grouping.TERM, patient).rows().get(0);
        assertThat(grades(diarrhea)).containsExactly(0, 1, 0, 0, 0);
        assertThat(diarrhea.severe().n()).isZero();
    }

    @Test
    void countsTreatmentEmergentEventsOfTreatedPatientsOnly() {
        Patient patient = treated("S-01");
        patient.add(reported(patient.id, UUID.randomUUID(), "RJH", "S-01", NAUSEA, 1, FIRST_DOSE.minusDays(5), false));
        patient.reportedTe(FATIGUE, 1, CUT.plusDays(3));
        Patient untreated = enrolled("S-02");
        untreated.add(reported(untreated.id, UUID.randomUUID(), "RJH", "S-02", NAUSEA, 2, FIRST_DOSE, true));

        TeaeView view = teae(Grouping.TERM, patient, untreated);
        assertThat(view.n()).as("the untreated patient is not in the safety population").isEqualTo(1);
        assertThat(view.rows()).as("the pre-treatment event and the one after the cut do not count").isEmpty();
        assertThat(view.any().anyGrade()).isEqualTo(new Count(0, new BigDecimal("0.0")));
    }

    @Test
    void theSafetyPopulationIsThePatientsWhoseFirstDoseOrFractionIsOnOrBeforeTheCut() {
        Patient dosed = treated("S-01");
        Patient irradiated = enrolled("S-02");
        irradiated.add(new FractionDelivered(irradiated.id, CUT, RadiotherapyPhase.BASE, 200, 1));
        Patient late = enrolled("S-03");
        late.add(new FirstDoseTaken(late.id, CUT.plusDays(1), 12));

        assertThat(teae(Grouping.TERM, dosed, irradiated, late).n()).isEqualTo(2);
    }

    @Test
    void aCorrectionReplacesTheDescriptionItCorrects() {
        Patient patient = treated("S-01");
        UUID event = patient.reportedTe(NAUSEA, 3, FIRST_DOSE.plusDays(10));
        patient.add(corrected(patient.id, event, VOMITING, 2, FIRST_DOSE.plusDays(10), true));

        TeaeView view = teae(Grouping.TERM, patient);
        assertThat(view.rows()).extracting(TeaeRow::name).containsExactly("Vomiting");
        assertThat(grades(view.rows().get(0))).containsExactly(0, 1, 0, 0, 0);
    }

    @Test
    void asRecordedAtShowsTheTableBeforeALaterCorrection() {
        Patient patient = treated("S-01");
        UUID event = patient.reportedTe(NAUSEA, 3, FIRST_DOSE.plusDays(10));
        patient.add(corrected(patient.id, event, VOMITING, 2, FIRST_DOSE.plusDays(10), true),
                RECORDED.plusSeconds(3600));

        TeaeView before = analysis.teae(List.of(PatientSafety.of(patient.facts.document(), CUT, RECORDED)),
                Grouping.TERM, CUT, RECORDED);
        assertThat(before.rows()).extracting(TeaeRow::name).containsExactly("Nausea");
        assertThat(before.asRecordedAt()).isEqualTo(RECORDED);
    }

    @Test
    void theLatestReportCorrectionOrRejudgementSaysWhetherAnEventIsTreatmentEmergent() {
        Patient patient = treated("S-01");
        UUID before = UUID.randomUUID();
        patient.add(reported(patient.id, before, "RJH", "S-01", ANOREXIA, 1, FIRST_DOSE.plusDays(2), false));
        patient.add(new TreatmentEmergenceRejudged(patient.id, before, true, FIRST_DOSE));
        UUID flipped = patient.reportedTe(FATIGUE, 2, FIRST_DOSE.plusDays(3));
        patient.add(new TreatmentEmergenceRejudged(patient.id, flipped, false, FIRST_DOSE.plusDays(5)));

        assertThat(teae(Grouping.TERM, patient).rows()).extracting(TeaeRow::name).containsExactly("Anorexia");
    }

    @Test
    void byOrganClassCountsAPatientOnceAtTheWorstGradeOfAnyOfItsTerms() {
        Patient patient = treated("S-01");
        patient.reportedTe(DIARRHEA, 2, FIRST_DOSE.plusDays(10));
        patient.reportedTe(NAUSEA, 1, FIRST_DOSE.plusDays(11));
        patient.reportedTe(HYPERTENSION, 1, FIRST_DOSE.plusDays(12));

        TeaeView view = teae(Grouping.SOC, patient);
        assertThat(view.by()).isEqualTo("soc");
        assertThat(view.rows()).extracting(TeaeRow::name)
                .containsExactly("Gastrointestinal disorders", "Vascular disorders");
        assertThat(grades(view.rows().get(0))).containsExactly(0, 1, 0, 0, 0);
    }

    @Test
    void sortsRowsByPatientsDescendingThenByName() {
        Patient first = treated("S-01");
        first.reportedTe(NAUSEA, 1, FIRST_DOSE.plusDays(10));
        first.reportedTe(FATIGUE, 1, FIRST_DOSE.plusDays(10));
        first.reportedTe(DIARRHEA, 1, FIRST_DOSE.plusDays(10));
        Patient second = treated("S-02");
        second.reportedTe(NAUSEA, 1, FIRST_DOSE.plusDays(10));

        assertThat(teae(Grouping.TERM, first, second).rows()).extracting(TeaeRow::name)
                .containsExactly("Nausea", "Diarrhea", "Fatigue");
    }

    @Test
    void givesPercentagesOfTheSafetyPopulationToOneDecimalRoundedHalfUp() {
        List<Patient> patients = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            patients.add(treated("S-" + i));
        }
        patients.get(0).reportedTe(HYPERTENSION, 3, FIRST_DOSE.plusDays(10));
        patients.get(1).reportedTe(DIARRHEA, 1, FIRST_DOSE.plusDays(10));
        patients.get(2).reportedTe(DIARRHEA, 1, FIRST_DOSE.plusDays(10));
        patients.get(3).reportedTe(DIARRHEA, 1, FIRST_DOSE.plusDays(10));

        TeaeView view = teae(Grouping.TERM, patients.toArray(Patient[]::new));
        // 3/16 = 18.75 % and 1/16 = 6.25 %: exactly halfway, so up.
        assertThat(view.rows().get(0).anyGrade()).isEqualTo(new Count(3, new BigDecimal("18.8")));
        assertThat(view.rows().get(1).anyGrade()).isEqualTo(new Count(1, new BigDecimal("6.3")));
        assertThat(view.rows().get(1).severe()).isEqualTo(new Count(1, new BigDecimal("6.3")));
        assertThat(view.any().anyGrade()).isEqualTo(new Count(4, new BigDecimal("25.0")));
        assertThat(view.any().grades()).extracting(GradeCount::percent).containsExactly(new BigDecimal("18.8"),
                new BigDecimal("0.0"), new BigDecimal("6.3"), new BigDecimal("0.0"), new BigDecimal("0.0"));
    }

    @Test
    void theSevereColumnStartsAtTheProtocolsGrade() {
        Patient patient = treated("S-01");
        patient.reportedTe(HYPERTENSION, 3, FIRST_DOSE.plusDays(10));
        ToxicityAnalysis fromFour = new ToxicityAnalysis(new SafetyRules(RULES.relatedCausalities(),
                RULES.doseDecisionGradeFrom(), RULES.doseDecisionGradeTo(), RULES.intolerableGrade(),
                RULES.initialReportDays(), RULES.fatalSusarDays(), RULES.fatalSusarFollowUpDays(),
                RULES.otherSusarDays(), 4));

        TeaeView view = fromFour.teae(List.of(PatientSafety.of(patient.facts.document(), CUT, null)),
                Grouping.TERM, CUT, null);
        assertThat(view.severeGradeFrom()).isEqualTo(4);
        assertThat(view.rows().get(0).severe().n()).isZero();
        assertThat(teae(Grouping.TERM, patient).rows().get(0).severe().n()).isEqualTo(1);
    }

    @Test
    void raisesADataQueryForAGrade5EventWithoutARecordedDeath() {
        Patient patient = treated("S-01");
        patient.reportedTe(SEPSIS, 5, FIRST_DOSE.plusDays(40));

        assertThat(queries(patient)).singleElement().satisfies(query -> assertThat(query.query())
                .isEqualTo("grade 5 Sepsis on " + FIRST_DOSE.plusDays(40) + " but no death is recorded"));
    }

    @Test
    void raisesADataQueryForADeathWithoutAGrade5Event() {
        Patient patient = treated("S-01");
        patient.reportedTe(SEPSIS, 4, FIRST_DOSE.plusDays(40));
        patient.add(new DeathRecorded(patient.id, FIRST_DOSE.plusDays(42), "Septic shock"));

        assertThat(queries(patient)).singleElement().satisfies(query -> assertThat(query.query())
                .isEqualTo("death recorded on " + FIRST_DOSE.plusDays(42) + " but no adverse event reached grade 5"));
    }

    @Test
    void raisesADataQueryWhenTheGrade5DateDiffersFromTheDeath() {
        Patient changed = treated("S-01");
        UUID event = changed.reportedTe(SEPSIS, 4, FIRST_DOSE.plusDays(40));
        changed.add(regraded(changed.id, event, 5, 5, FIRST_DOSE.plusDays(43)));
        changed.add(new DeathRecorded(changed.id, FIRST_DOSE.plusDays(42), "Septic shock"));
        Patient reportedFatal = treated("S-02");
        reportedFatal.reportedTe(SEPSIS, 5, FIRST_DOSE.plusDays(40));
        reportedFatal.add(new DeathRecorded(reportedFatal.id, FIRST_DOSE.plusDays(41), "Septic shock"));

        assertThat(queries(changed)).singleElement().satisfies(query -> assertThat(query.query())
                .isEqualTo("grade 5 Sepsis on " + FIRST_DOSE.plusDays(43) + " but the death is recorded on "
                        + FIRST_DOSE.plusDays(42)));
        assertThat(queries(reportedFatal)).singleElement().satisfies(query -> assertThat(query.query())
                .contains("grade 5 Sepsis on " + FIRST_DOSE.plusDays(40)));
    }

    @Test
    void raisesNoDataQueryWhenTheGrade5EventAndTheDeathAgree() {
        Patient patient = treated("S-01");
        UUID event = patient.reportedTe(SEPSIS, 4, FIRST_DOSE.plusDays(40));
        patient.add(regraded(patient.id, event, 5, 5, FIRST_DOSE.plusDays(42)));
        patient.add(new DeathRecorded(patient.id, FIRST_DOSE.plusDays(42), "Septic shock"));

        ToxicityViews.DeathsView view = analysis.deaths(safety(patient), CUT, null);
        assertThat(view.queries()).isEmpty();
        assertThat(view.grade5()).singleElement().satisfies(row -> {
            assertThat(row.grade5On()).isEqualTo(FIRST_DOSE.plusDays(42));
            assertThat(row.screeningNumber()).isEqualTo("S-01");
        });
        assertThat(view.deaths()).singleElement().satisfies(row -> assertThat(row.cause()).isEqualTo("Septic shock"));
    }

    @Test
    void showsEachReportOfASeriousEventAsSubmittedOnTimeLateOverdueOrDueAtTheCut() {
        Patient patient = treated("S-01");
        UUID event = patient.reportedTe(SEPSIS, 4, LocalDate.of(2026, 6, 20));
        LocalDate aware = LocalDate.of(2026, 6, 20);
        patient.add(new SeriousAdverseEventReported(patient.id, event, "RJH", "S-01", "Sepsis", SEPSIS.meddraCode(),
                4, List.of(SeriousnessCriterion.LIFE_THREATENING), aware, false,
                new Attribution(Causality.PROBABLE, Causality.UNRELATED), true, RULES.reportsDue(aware, true, true),
                false));
        patient.add(new ExpeditedReportSubmitted(patient.id, event, ExpeditedReportKind.INITIAL, aware.plusDays(1),
                "Sponsor", aware.plusDays(1), true));
        LocalDate[] cuts = {aware.plusDays(7), aware.plusDays(8)};
        ReportState[][] expected = {
                {ReportState.SUBMITTED_ON_TIME, ReportState.DUE, ReportState.DUE},
                {ReportState.SUBMITTED_ON_TIME, ReportState.OVERDUE, ReportState.DUE}};
        for (int i = 0; i < cuts.length; i++) {
            ToxicityViews.SeriousView view = analysis.serious(List.of(PatientSafety.of(patient.facts.document(),
                    cuts[i], null)), cuts[i], null);
            assertThat(view.rows()).singleElement().satisfies(row -> assertThat(row.susar()).isTrue());
            assertThat(view.rows().get(0).reports()).extracting(ToxicityViews.ReportRow::state)
                    .as("at " + cuts[i]).containsExactly(expected[i]);
        }

        patient.add(new ExpeditedReportSubmitted(patient.id, event, ExpeditedReportKind.EXPEDITED, aware.plusDays(9),
                "Sponsor", aware.plusDays(7), false));
        ToxicityViews.SeriousView late = analysis.serious(safety(patient), CUT, null);
        assertThat(late.rows().get(0).reports()).extracting(ToxicityViews.ReportRow::state)
                .containsExactly(ReportState.SUBMITTED_ON_TIME, ReportState.SUBMITTED_LATE, ReportState.DUE);
    }

    @Test
    void joinsDoseReductionsAndDiscontinuationsToTheAdverseEventsThatLedToThem() {
        Patient patient = treated("S-01");
        UUID diarrhea = patient.reportedTe(DIARRHEA, 2, FIRST_DOSE.plusDays(10));
        patient.add(regraded(patient.id, diarrhea, 3, 3, FIRST_DOSE.plusDays(12)));
        UUID hypertension = patient.reportedTe(HYPERTENSION, 3, FIRST_DOSE.plusDays(30));
        patient.add(new DoseReduced(patient.id, FIRST_DOSE.plusDays(14), 12, 10, diarrhea, "Grade 3 diarrhoea"));
        patient.add(new AnlotinibDiscontinued(patient.id, FIRST_DOSE.plusDays(35),
                DiscontinuationReason.UNACCEPTABLE_TOXICITY, null, hypertension));
        patient.add(new AnlotinibDiscontinued(patient.id, CUT.plusDays(1), DiscontinuationReason.UNACCEPTABLE_TOXICITY,
                null, diarrhea));

        ToxicityViews.DoseModificationsView view = analysis.doseModifications(safety(patient), CUT, null);
        assertThat(view.reductions()).singleElement().satisfies(row -> {
            assertThat(row.term()).isEqualTo("Diarrhea");
            assertThat(row.worstGrade()).isEqualTo(3);
            assertThat(row.fromMg()).isEqualTo(12);
            assertThat(row.toMg()).isEqualTo(10);
        });
        assertThat(view.discontinuations()).as("the discontinuation after the cut is not shown").singleElement()
                .satisfies(row -> {
                    assertThat(row.term()).isEqualTo("Hypertension");
                    assertThat(row.reason()).isEqualTo("UNACCEPTABLE_TOXICITY");
                });
    }

    private TeaeView teae(Grouping by, Patient... patients) {
        return analysis.teae(safety(patients), by, CUT, null);
    }

    private List<DataQuery> queries(Patient patient) {
        return analysis.deaths(safety(patient), CUT, null).queries();
    }

    private static List<PatientSafety> safety(Patient... patients) {
        return List.of(patients).stream().map(patient -> PatientSafety.of(patient.facts.document(), CUT, null))
                .toList();
    }

    private static List<Integer> grades(TeaeRow row) {
        return row.grades().stream().map(GradeCount::n).toList();
    }

    private static Patient enrolled(String screeningNumber) {
        Patient patient = new Patient(screeningNumber);
        patient.add(new PatientEnrolled(patient.id, 1, screeningNumber, "RJH", FIRST_DOSE.minusDays(20),
                FIRST_DOSE.minusDays(25), ResectionMargin.R0, "Liposarcoma"));
        return patient;
    }

    private static Patient treated(String screeningNumber) {
        Patient patient = enrolled(screeningNumber);
        patient.add(new FirstDoseTaken(patient.id, FIRST_DOSE, 12));
        return patient;
    }

    /** A patient-facts document, each fact stored as the projection stores it: one list per context. */
    private static final class Patient {
        final UUID id = UUID.randomUUID();
        final String screeningNumber;
        final PatientFactsDocument facts = new PatientFactsDocument(id);

        Patient(String screeningNumber) {
            this.screeningNumber = screeningNumber;
        }

        UUID reportedTe(SafetyFixtures.Term term, int grade, LocalDate onsetOn) {
            UUID event = UUID.randomUUID();
            add(reported(id, event, "RJH", screeningNumber, term, grade, onsetOn, true));
            return event;
        }

        void add(TrialEvent fact) {
            add(fact, RECORDED);
        }

        void add(TrialEvent fact, Instant recordedAt) {
            facts.add(fact, recordedAt);
        }
    }
}
