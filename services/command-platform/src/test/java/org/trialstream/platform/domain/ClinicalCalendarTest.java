package org.trialstream.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class ClinicalCalendarTest {

    // 20:00 UTC on 9 March is already 10 March in Shanghai.
    private final ClinicalCalendar calendar = new ClinicalCalendar(
            Clock.fixed(Instant.parse("2026-03-09T20:00:00Z"), ZoneOffset.UTC), ZoneId.of("Asia/Shanghai"),
            LocalDate.of(2020, 1, 1));

    @Test
    void judgesTodayByTheSitesCalendarNotByUtc() {
        assertThat(calendar.requireClinicalDate("onsetOn", LocalDate.of(2026, 3, 10)))
                .isEqualTo(LocalDate.of(2026, 3, 10));
    }

    @Test
    void refusesAClinicalDateInTheFutureNamingTheField() {
        assertThatThrownBy(() -> calendar.requireClinicalDate("onsetOn", LocalDate.of(2026, 3, 11)))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.field()).isEqualTo("onsetOn"))
                .hasMessage("the date cannot be in the future");
    }

    @Test
    void refusesAClinicalDateBeforeTheStudysFloor() {
        assertThatThrownBy(() -> calendar.requireClinicalDate("screenedOn", LocalDate.of(1, 1, 1)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("cannot precede 2020-01-01");
    }

    @Test
    void acceptsTheFloorItselfAndDataEnteredLate() {
        assertThat(calendar.requireClinicalDate("screenedOn", LocalDate.of(2020, 1, 1))).isNotNull();
        assertThat(calendar.requireClinicalDate("screenedOn", LocalDate.of(2023, 6, 30))).isNotNull();
    }

    @Test
    void refusesAMissingClinicalDate() {
        assertThatThrownBy(() -> calendar.requireClinicalDate("takenOn", null)).isInstanceOf(RuleViolation.class);
    }
}
