package org.trialstream.enrolment.it;

import org.testcontainers.junit.jupiter.Testcontainers;
import org.trialstream.localstack.infra.Infrastructure;
import org.trialstream.localstack.infra.WithInfrastructure;

/** The same scenarios on Kafka, PostgreSQL and MongoDB images, where a Docker engine exists. */
@Testcontainers(disabledWithoutDocker = true)
@WithInfrastructure(WithInfrastructure.Kind.CONTAINERS)
class EnrolmentPathContainersIT extends EnrolmentPathScenarios {

    EnrolmentPathContainersIT(Infrastructure infrastructure) {
        super(infrastructure, "enrolment_path_containers_it");
    }
}
