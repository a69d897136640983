package org.trialstream.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IfMatchTest {

    @Test
    void readsAStrongAWeakAndABareVersion() {
        assertThat(IfMatch.expectedVersion("\"7\"")).isEqualTo(7L);
        assertThat(IfMatch.expectedVersion("W/\"7\"")).isEqualTo(7L);
        assertThat(IfMatch.expectedVersion(" 7 ")).isEqualTo(7L);
    }

    @Test
    void takesNoHeaderOrAStarAsAnyVersion() {
        assertThat(IfMatch.expectedVersion(null)).isNull();
        assertThat(IfMatch.expectedVersion("")).isNull();
        assertThat(IfMatch.expectedVersion("*")).isNull();
    }

    @Test
    void refusesAnythingElseNamingTheHeader() {
        for (String header : new String[] {"yesterday", "\"7\", \"8\"", "W/", "\"-1\"", "99999999999999999999"}) {
            assertThatThrownBy(() -> IfMatch.expectedVersion(header)).as(header)
                    .isInstanceOfSatisfying(BadRequest.class, e -> assertThat(e.field()).isEqualTo("If-Match"));
        }
    }
}
