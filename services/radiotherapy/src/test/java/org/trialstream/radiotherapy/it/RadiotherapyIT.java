package org.trialstream.radiotherapy.it;

import org.trialstream.localstack.infra.Infrastructure;
import org.trialstream.localstack.infra.WithInfrastructure;

@WithInfrastructure(WithInfrastructure.Kind.LOCAL)
class RadiotherapyIT extends RadiotherapyScenarios {

    RadiotherapyIT(Infrastructure infrastructure) {
        super(infrastructure, "radiotherapy_it");
    }
}
