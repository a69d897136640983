package org.trialstream.safety.it;

import org.trialstream.localstack.infra.Infrastructure;
import org.trialstream.localstack.infra.WithInfrastructure;

@WithInfrastructure(WithInfrastructure.Kind.LOCAL)
class SafetyIT extends SafetyScenarios {

    SafetyIT(Infrastructure infrastructure) {
        super(infrastructure, "safety_it");
    }
}
