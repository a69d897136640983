package org.trialstream.projections.it;

import org.testcontainers.junit.jupiter.Testcontainers;
import org.trialstream.localstack.infra.Infrastructure;
import org.trialstream.localstack.infra.WithInfrastructure;

@Testcontainers(disabledWithoutDocker = true)
@WithInfrastructure(WithInfrastructure.Kind.CONTAINERS)
class ProjectionContainersIT extends ProjectionScenarios {

    ProjectionContainersIT(Infrastructure infrastructure) {
        super(infrastructure, "projection_containers_it");
    }
}
