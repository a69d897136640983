package org.trialstream.dosing.it;

import org.trialstream.localstack.infra.Infrastructure;
import org.trialstream.localstack.infra.WithInfrastructure;

@WithInfrastructure(WithInfrastructure.Kind.LOCAL)
class DosingIT extends DosingScenarios {

    DosingIT(Infrastructure infrastructure) {
        super(infrastructure, "dosing_it");
    }
}
