package org.trialstream.statistics.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.trialstream.statistics.survival.CompetingRiskObservation.Cause.CENSORED;
import static org.trialstream.statistics.survival.CompetingRiskObservation.Cause.COMPETING;
import static org.trialstream.statistics.survival.CompetingRiskObservation.Cause.EVENT;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.trialstream.statistics.survival.CompetingRiskObservation.Cause;

class CumulativeIncidenceTest {

    private static final double EXACT = 1e-12;

    /**
     * Six patients, computed by hand. t=1: 6 at risk, a recurrence, F = 1/6, S = 5/6. t=2: a death first, F stays,
     * S = 2/3. t=3: censored. t=4: 3 at risk, a recurrence and a death, F = 1/6 + 2/3 &middot; 1/3 = 7/18, S = 2/9.
     * t=6: censored.
     */
    @Test
    void matchesAHandComputedExampleWithTiedEventsOfBothKinds() {
        CumulativeIncidence curve = CumulativeIncidence.estimate(List.of(observation(1, EVENT),
                observation(2, COMPETING), observation(3, CENSORED), observation(4, EVENT), observation(4, COMPETING),
                observation(6, CENSORED)));

        assertThat(curve.rows()).extracting(IncidenceRow::nRisk).containsExactly(6, 5, 4, 3, 1);
        double[] expected = {1.0 / 6, 1.0 / 6, 1.0 / 6, 7.0 / 18, 7.0 / 18};
        for (int i = 0; i < expected.length; i++) {
            assertThat(curve.rows().get(i).incidence()).as("F at row %d", i).isCloseTo(expected[i], within(EXACT));
        }
        assertThat(curve.rows().get(3).eventFree()).isCloseTo(2.0 / 9, within(EXACT));
        assertThat(curve.at(0.5)).isZero();
        assertThat(curve.at(3.9)).isCloseTo(1.0 / 6, within(EXACT));
        assertThat(curve.at(6)).isCloseTo(7.0 / 18, within(EXACT));
        assertThat(curve.at(6.1)).as("beyond the last observed time").isNaN();
    }

    @Test
    void withoutCompetingEventsEqualsOneMinusKaplanMeier() {
        Random random = new Random(20261203);
        List<CompetingRiskObservation> competingRisk = new ArrayList<>();
        List<Observation> survival = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            double time = random.nextInt(60);
            boolean event = random.nextDouble() < 0.4;
            competingRisk.add(observation(time, event ? EVENT : CENSORED));
            survival.add(new Observation(time, event));
        }
        List<IncidenceRow> incidence = CumulativeIncidence.estimate(competingRisk).rows();
        List<SurvivalRow> kaplanMeier = KaplanMeier.estimate(survival).rows();

        assertThat(incidence).hasSameSizeAs(kaplanMeier);
        for (int i = 0; i < incidence.size(); i++) {
            assertThat(incidence.get(i).incidence()).as("at %s", incidence.get(i).time())
                    .isCloseTo(1.0 - kaplanMeier.get(i).survival(), within(EXACT));
        }
    }

    @Test
    void theIncidencesOfBothCausesAndTheEventFreeProbabilityAddUpToOne() {
        Random random = new Random(41);
        List<CompetingRiskObservation> recurrenceFirst = new ArrayList<>();
        List<CompetingRiskObservation> deathFirst = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            double time = random.nextInt(36);
            Cause cause = Cause.values()[random.nextInt(3)];
            recurrenceFirst.add(observation(time, cause));
            deathFirst.add(observation(time, cause == EVENT ? COMPETING : cause == COMPETING ? EVENT : CENSORED));
        }
        List<IncidenceRow> recurrence = CumulativeIncidence.estimate(recurrenceFirst).rows();
        List<IncidenceRow> death = CumulativeIncidence.estimate(deathFirst).rows();
        for (int i = 0; i < recurrence.size(); i++) {
            assertThat(recurrence.get(i).incidence() + death.get(i).incidence() + recurrence.get(i).eventFree())
                    .isCloseTo(1.0, within(EXACT));
        }
    }

    @Test
    void refusesAnEmptySample() {
        assertThatThrownBy(() -> CumulativeIncidence.estimate(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static CompetingRiskObservation observation(double time, Cause cause) {
        return new CompetingRiskObservation(time, cause);
    }
}
