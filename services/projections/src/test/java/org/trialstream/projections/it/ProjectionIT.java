package org.trialstream.projections.it;

import org.trialstream.localstack.infra.Infrastructure;
import org.trialstream.localstack.infra.WithInfrastructure;

@WithInfrastructure(WithInfrastructure.Kind.LOCAL)
class ProjectionIT extends ProjectionScenarios {

    ProjectionIT(Infrastructure infrastructure) {
        super(infrastructure, "projection_it");
    }
}
