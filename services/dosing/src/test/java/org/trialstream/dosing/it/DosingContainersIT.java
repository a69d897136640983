package org.trialstream.dosing.it;

import org.testcontainers.junit.jupiter.Testcontainers;
import org.trialstream.localstack.infra.Infrastructure;
import org.trialstream.localstack.infra.WithInfrastructure;

/** The same scenarios on Kafka, PostgreSQL and MongoDB images, where a Docker engine exists. */
@Testcontainers(disabledWithoutDocker = true)
@WithInfrastructure(WithInfrastructure.Kind.CONTAINERS)
class DosingContainersIT extends DosingScenarios {

    DosingContainersIT(Infrastructure infrastructure) {
        super(infrastructure, "dosing_containers_it");
    }
}
