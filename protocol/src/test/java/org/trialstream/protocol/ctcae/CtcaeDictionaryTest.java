package org.trialstream.protocol.ctcae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.trialstream.protocol.ctcae.CtcaeGrade.GRADE_1;
import static org.trialstream.protocol.ctcae.CtcaeGrade.GRADE_2;
import static org.trialstream.protocol.ctcae.CtcaeGrade.GRADE_3;
import static org.trialstream.protocol.ctcae.CtcaeGrade.GRADE_4;
import static org.trialstream.protocol.ctcae.CtcaeGrade.GRADE_5;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialstream.protocol.SharedData;

class CtcaeDictionaryTest {

    private static CtcaeDictionary dictionary;
    private static final String PALMAR_PLANTAR = "10054524";

    @BeforeAll
    static void loadTheDevelopmentCopy() {
        dictionary = CtcaeDictionary.load(SharedData.ctcaeFile());
    }

    private static CtcaeTerm term(String name) {
        return dictionary.findByTerm(name).orElseThrow(() -> new AssertionError("no term " + name));
    }

    @Test
    void loadsAllEightHundredThirtySevenTerms() {
        assertThat(dictionary.size()).isEqualTo(837);
        assertThat(dictionary.terms()).hasSize(837);
        assertThat(dictionary.terms().get(0).term()).isEqualTo("Anemia");
    }

    @Test
    void looksUpATermByItsMeddraCode() {
        assertThat(dictionary.findByMeddraCode(PALMAR_PLANTAR)).hasValueSatisfying(term ->
                assertThat(term.term()).isEqualTo("Palmar-plantar erythrodysesthesia syndrome"));
        assertThat(dictionary.findByMeddraCode(" 10002272 ")).hasValueSatisfying(term ->
                assertThat(term.term()).isEqualTo("Anemia"));
    }

    @Test
    void looksUpATermByItsNameIgnoringCaseAndSpacing() {
        assertThat(dictionary.findByTerm("palmar-plantar  ERYTHRODYSESTHESIA syndrome "))
                .hasValueSatisfying(term -> assertThat(term.meddraCode()).isEqualTo(PALMAR_PLANTAR));
    }

    @Test
    void findsNoTermForAnUnknownCodeOrName() {
        assertThat(dictionary.findByMeddraCode("99999999")).isEmpty();
        assertThat(dictionary.findByTerm("Hand-foot syndrome")).isEmpty();
    }

    @Test
    void knowsTheSystemOrganClassOfEachTerm() {
        assertThat(term("Palmar-plantar erythrodysesthesia syndrome").systemOrganClass())
                .isEqualTo("Skin and subcutaneous tissue disorders");
        assertThat(term("Hypertension").systemOrganClass()).isEqualTo("Vascular disorders");
        assertThat(dictionary.terms().stream().map(CtcaeTerm::systemOrganClass).distinct()).hasSize(26);
    }

    @Test
    void knowsWhichOfGradesOneToFiveExistForEachTerm() {
        assertThat(term("Palmar-plantar erythrodysesthesia syndrome").grades()).containsExactly(GRADE_1, GRADE_2, GRADE_3);
        assertThat(term("Anemia").grades()).containsExactly(GRADE_1, GRADE_2, GRADE_3, GRADE_4, GRADE_5);
        assertThat(term("Fatigue").grades()).containsExactly(GRADE_1, GRADE_2, GRADE_3);
        assertThat(dictionary.terms()).allSatisfy(term -> assertThat(term.grades()).isNotEmpty());
    }

    @Test
    void refusesGradeFourForPalmarPlantarErythrodysesthesia() {
        CtcaeTerm term = dictionary.findByMeddraCode(PALMAR_PLANTAR).orElseThrow();

        assertThat(term.isDefined(GRADE_4)).isFalse();
        assertThatThrownBy(() -> term.requireGrade(GRADE_4))
                .isInstanceOf(GradeNotDefinedException.class)
                .hasMessage("CTCAE v5.0 defines no grade 4 for 'Palmar-plantar erythrodysesthesia syndrome'"
                        + " (MedDRA 10054524); its grades are 1, 2, 3")
                .satisfies(e -> {
                    GradeNotDefinedException refusal = (GradeNotDefinedException) e;
                    assertThat(refusal.grade()).isEqualTo(GRADE_4);
                    assertThat(refusal.term()).isSameAs(term);
                    assertThat(refusal.reason()).contains("no grade 4");
                });
    }

    @Test
    void refusesGradeFiveForPalmarPlantarErythrodysesthesia() {
        assertThatThrownBy(() -> term("Palmar-plantar erythrodysesthesia syndrome").requireGrade(GRADE_5))
                .isInstanceOf(GradeNotDefinedException.class)
                .hasMessageContaining("no grade 5");
    }

    @Test
    void acceptsEveryGradeATermDefines() {
        CtcaeTerm term = term("Palmar-plantar erythrodysesthesia syndrome");

        assertThat(term.requireGrade(GRADE_3)).isEqualTo(GRADE_3);
        assertThat(term.description(GRADE_3)).hasValueSatisfying(text -> assertThat(text).startsWith("Severe skin changes"));
        assertThat(term.description(GRADE_4)).isEmpty();
    }

    @Test
    void readsADashGradeCellAsAGradeThatDoesNotExist() {
        Map<String, Long> missingGradeCounts = dictionary.terms().stream()
                .collect(Collectors.groupingBy(t -> "has " + t.grades().size(), Collectors.counting()));

        assertThat(missingGradeCounts).containsEntry("has 5", 330L);
        assertThat(dictionary.terms()).allSatisfy(term ->
                term.gradeDescriptions().values().forEach(text -> assertThat(text).isNotEqualTo("-")));
    }

    @Test
    void readsQuotedCellsThatSpanSeveralLines() {
        String gradeOne = term("Hypertension").description(GRADE_1).orElseThrow();

        assertThat(gradeOne).startsWith("Adult: Systolic BP 120 - 139 mm Hg")
                .contains("\n\nPediatric: Systolic/diastolic BP >90th percentile")
                .doesNotContain("\r");
        assertThat(term("Proteinuria").grades()).contains(GRADE_1, GRADE_2, GRADE_3);
    }

    @Test
    void restoresTheGreaterThanOrEqualSignsLostInTheExport() {
        assertThat(term("Proteinuria").description(GRADE_1)).hasValue("1+ proteinuria; urinary protein >=ULN - <1.0 g/24 hrs");
        assertThat(term("Cytokine release syndrome").description(GRADE_3))
                .hasValue("Hypotension managed with one pressor; hypoxia requiring >=40% O2");
        assertThat(term("Hypertension").description(GRADE_1)).hasValueSatisfying(text ->
                assertThat(text).endsWith("Adolescent: BP >=120/80 even if < 95th percentile"));
        assertThat(term("Eczema").description(GRADE_1)).hasValueSatisfying(text ->
                assertThat(text).startsWith("Asymptomatic or mild symptoms; additional medical intervention"));
    }

    @Test
    void leavesNoLostCharacterInAnyGradeText() {
        assertThat(dictionary.terms()).allSatisfy(term ->
                term.gradeDescriptions().values().forEach(text -> assertThat(text).as(term.term()).doesNotContain("?")));
    }

    @Test
    void givesAnEmptyDefinitionWhereTheReleaseHasADash() {
        assertThat(term("Blood and lymphatic system disorders - Other, specify").definition()).isEmpty();
        assertThat(term("Anemia").definition()).startsWith("A disorder characterized by a reduction in the amount of hemoglobin");
    }
}
