package org.trialstream.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

class TrialExceptionHandlerTest {

    @Test
    void anUnexpectedFailureIsA500ProblemThatTellsNothingOfTheInternals() {
        ProblemDetail problem = new TrialExceptionHandler()
                .unexpected(new IllegalArgumentException("column secret_table.x is null"));

        assertThat(problem.getStatus()).isEqualTo(500);
        assertThat(problem.getDetail()).doesNotContain("secret_table").contains("request id");
        assertThat(problem.getProperties()).containsKey("errors");
    }
}
