package org.trialstream.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.trialstream.localstack.cli.Trial;
import org.trialstream.localstack.infra.Infrastructure;

/**
 * The same trial (same seed) on a stack of its own, with the projections service killed (kill -9) part-way and
 * started again: it resumes from its stored positions, and every view ends equal to the truth, as in the run without
 * the kill ({@link WholeTrialIT}), since both runs send the same trial.
 */
class WholeTrialWithRestartIT extends WholeTrialScenario {

    private final AtomicLong restartedAfterRequests = new AtomicLong();

    WholeTrialWithRestartIT(Infrastructure infrastructure) {
        super(infrastructure);
    }

    @Override
    boolean ownBrokerAndReadStore() {
        return true;
    }

    @Override
    void partWay(Trial stack) {
        stack.kill("projections");
        stack.up();
        restartedAfterRequests.set(PART_WAY_REQUESTS);
    }

    @Test
    void theProjectionsServiceWasKilledAndRestartedPartWay() {
        assertThat(restartedAfterRequests.get()).isEqualTo(PART_WAY_REQUESTS);
        assertThat(outcome().requests()).isGreaterThan(2 * PART_WAY_REQUESTS);
    }
}
