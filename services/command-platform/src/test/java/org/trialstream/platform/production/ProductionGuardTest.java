package org.trialstream.platform.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProductionGuardTest {

    @Test
    void refusesTheH2FileStoreInProduction() {
        assertThatThrownBy(() -> new ProductionGuard("jdbc:h2:retry:./data/event-store", 3, 2).afterPropertiesSet())
                .hasMessageContaining("the event store is H2");
    }

    @Test
    void refusesATopicReplicatedOnce() {
        assertThat(new ProductionGuard("jdbc:postgresql://db/enrolment", 1, 1).problems())
                .anyMatch(problem -> problem.contains("replication factor is 1"))
                .anyMatch(problem -> problem.contains("min.insync.replicas is 1"));
    }

    @Test
    void acceptsPostgresqlWithThreeReplicasAndTwoInSync() {
        assertThat(new ProductionGuard("jdbc:postgresql://db/enrolment", 3, 2).problems()).isEmpty();
    }
}
