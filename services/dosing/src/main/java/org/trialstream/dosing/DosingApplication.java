package org.trialstream.dosing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class DosingApplication {

    public static void main(String[] args) {
        SpringApplication.run(DosingApplication.class, args);
    }
}
