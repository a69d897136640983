package org.trialstream.protocol.ctcae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CtcaeGradeTest {

    @Test
    void treatsGradesThreeToFiveAsSevere() {
        assertThat(CtcaeGrade.GRADE_1.isSevere()).isFalse();
        assertThat(CtcaeGrade.GRADE_2.isSevere()).isFalse();
        assertThat(CtcaeGrade.GRADE_3.isSevere()).isTrue();
        assertThat(CtcaeGrade.GRADE_4.isSevere()).isTrue();
        assertThat(CtcaeGrade.GRADE_5.isSevere()).isTrue();
    }

    @Test
    void numbersGradesOneToFive() {
        for (int number = 1; number <= 5; number++) {
            assertThat(CtcaeGrade.of(number).number()).isEqualTo(number);
        }
    }

    @Test
    void refusesAGradeNumberOutsideOneToFive() {
        assertThatThrownBy(() -> CtcaeGrade.of(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CtcaeGrade.of(6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 5");
    }
}
