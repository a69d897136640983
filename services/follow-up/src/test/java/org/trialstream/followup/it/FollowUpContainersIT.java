package org.trialstream.followup.it;

import org.testcontainers.junit.jupiter.Testcontainers;
import org.trialstream.localstack.infra.Infrastructure;
import org.trialstream.localstack.infra.WithInfrastructure;

/** The same scenarios on Kafka, PostgreSQL and MongoDB images, where a Docker engine exists. */
@Testcontainers(disabledWithoutDocker = true)
@WithInfrastructure(WithInfrastructure.Kind.CONTAINERS)
class FollowUpContainersIT extends FollowUpScenarios {

    FollowUpContainersIT(Infrastructure infrastructure) {
        super(infrastructure, "follow_up_containers_it");
    }
}
