package org.trialstream.radiotherapy.it;

import org.testcontainers.junit.jupiter.Testcontainers;
import org.trialstream.localstack.infra.Infrastructure;
import org.trialstream.localstack.infra.WithInfrastructure;

/** The same scenarios on Kafka, PostgreSQL and MongoDB images, where a Docker engine exists. */
@Testcontainers(disabledWithoutDocker = true)
@WithInfrastructure(WithInfrastructure.Kind.CONTAINERS)
class RadiotherapyContainersIT extends RadiotherapyScenarios {

    RadiotherapyContainersIT(Infrastructure infrastructure) {
        super(infrastructure, "radiotherapy_containers_it");
    }
}
