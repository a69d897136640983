package org.trialstream.alerts;

import io.micronaut.runtime.Micronaut;

public class AlertsApplication {

    public static void main(String[] args) {
        Micronaut.run(AlertsApplication.class, args);
    }
}
