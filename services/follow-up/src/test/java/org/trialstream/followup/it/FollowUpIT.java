package org.trialstream.followup.it;

import org.trialstream.localstack.infra.Infrastructure;
import org.trialstream.localstack.infra.WithInfrastructure;

@WithInfrastructure(WithInfrastructure.Kind.LOCAL)
class FollowUpIT extends FollowUpScenarios {

    FollowUpIT(Infrastructure infrastructure) {
        super(infrastructure, "follow_up_it");
    }
}
