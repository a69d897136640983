package org.trialstream.radiotherapy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class RadiotherapyApplication {

    public static void main(String[] args) {
        SpringApplication.run(RadiotherapyApplication.class, args);
    }
}
