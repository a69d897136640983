package org.trialstream.protocol.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.trialstream.kernel.contract.safety.ExpeditedReportKind.EXPEDITED;
import static org.trialstream.kernel.contract.safety.ExpeditedReportKind.FOLLOW_UP;
import static org.trialstream.kernel.contract.safety.ExpeditedReportKind.INITIAL;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.trialstream.kernel.contract.safety.Causality;
import org.trialstream.kernel.contract.safety.ReportDeadline;

class SafetyRulesTest {

    private static final LocalDate AWARE = LocalDate.of(2026, 4, 3);

    private final SafetyRules rules = ProtocolLoader.loadDefault().safety();

    @Test
    void countsPossibleProbableAndDefiniteAsRelated() {
        assertThat(Causality.values()).filteredOn(rules::isRelated)
                .containsExactly(Causality.POSSIBLE, Causality.PROBABLE, Causality.DEFINITE);
    }

    @Test
    void requiresADoseDecisionForAGradeThreeOrFourEventRelatedToAnlotinib() {
        assertThat(rules.requiresDoseDecision(3, Causality.POSSIBLE, false)).isTrue();
        assertThat(rules.requiresDoseDecision(4, Causality.DEFINITE, false)).isTrue();
        assertThat(rules.requiresDoseDecision(3, Causality.UNLIKELY, false)).isFalse();
        assertThat(rules.requiresDoseDecision(2, Causality.DEFINITE, false)).isFalse();
        assertThat(rules.requiresDoseDecision(5, Causality.DEFINITE, false)).isFalse();
    }

    @Test
    void requiresADoseDecisionForAnIntolerableGradeTwoWhateverItsAttribution() {
        assertThat(rules.requiresDoseDecision(2, Causality.UNRELATED, true)).isTrue();
        assertThat(rules.requiresDoseDecision(1, Causality.DEFINITE, true)).isFalse();
    }

    @Test
    void initialSaeReportIsDueTheDayAfterAwareness() {
        assertThat(rules.reportsDue(AWARE, false, false))
                .containsExactly(new ReportDeadline(INITIAL, AWARE.plusDays(1)));
    }

    @Test
    void susarFatalIsDueInSevenDaysWithItsFollowUpEightDaysLater() {
        assertThat(rules.reportsDue(AWARE, true, true)).containsExactly(
                new ReportDeadline(INITIAL, AWARE.plusDays(1)),
                new ReportDeadline(EXPEDITED, AWARE.plusDays(7)),
                new ReportDeadline(FOLLOW_UP, AWARE.plusDays(15)));
    }

    @Test
    void otherSusarIsDueInFifteenDays() {
        assertThat(rules.reportsDue(AWARE, true, false)).containsExactly(
                new ReportDeadline(INITIAL, AWARE.plusDays(1)),
                new ReportDeadline(EXPEDITED, AWARE.plusDays(15)));
    }

    @Test
    void countsGradeThreeAndAboveAsSevere() {
        assertThat(rules.isSevere(2)).isFalse();
        assertThat(rules.isSevere(3)).isTrue();
    }

    @Test
    void refusesAFileWhoseRelatedGradesRunBackwards() {
        String yaml = ProtocolFiles.bundledWith("relatedGradeTo: 4", "relatedGradeTo: 2");
        assertThatThrownBy(() -> ProtocolFiles.parse(yaml))
                .isInstanceOf(InvalidProtocolException.class)
                .hasMessageContaining("relatedGradeTo");
    }
}
