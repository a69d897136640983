package org.trialstream.enrolment.it;

import org.trialstream.localstack.infra.Infrastructure;
import org.trialstream.localstack.infra.WithInfrastructure;

/** On a real Kafka broker process, the local PostgreSQL server and the MongoDB-compatible server: runs in CI here. */
@WithInfrastructure(WithInfrastructure.Kind.LOCAL)
class EnrolmentPathIT extends EnrolmentPathScenarios {

    EnrolmentPathIT(Infrastructure infrastructure) {
        super(infrastructure, "enrolment_path_it");
    }
}
