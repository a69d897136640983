package org.trialstream.system;

import org.trialstream.localstack.infra.Infrastructure;

/** The whole trial, undisturbed, on the test JVM's broker and read store. */
class WholeTrialIT extends WholeTrialScenario {

    WholeTrialIT(Infrastructure infrastructure) {
        super(infrastructure);
    }

    @Override
    boolean ownBrokerAndReadStore() {
        return false;
    }
}
