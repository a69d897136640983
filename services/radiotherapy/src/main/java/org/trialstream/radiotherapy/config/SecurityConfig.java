package org.trialstream.radiotherapy.config;

import static org.springframework.http.HttpMethod.POST;
import static org.trialstream.kernel.security.Role.RADIATION_ONCOLOGIST;
import static org.trialstream.support.security.EndpointPermission.allow;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.trialstream.platform.store.StoreChainController;
import org.trialstream.support.security.EndpointPermission;
import org.trialstream.support.security.TrialHttpSecurity;

@Configuration
public class SecurityConfig {

    private static final String COURSE = "/patients/{patientId}/radiotherapy";

    /**
     * Who may record what: the radiation oncologist of the patient's site, and no one else. Site staff act only on
     * their own site's patients (checked by the course).
     */
    public static final List<EndpointPermission> PERMISSIONS = List.of(
            allow(POST, COURSE + "/prescription", RADIATION_ONCOLOGIST),
            allow(POST, COURSE + "/prescription/confirmation", RADIATION_ONCOLOGIST),
            allow(POST, COURSE + "/fractions", RADIATION_ONCOLOGIST),
            allow(POST, COURSE + "/interruptions", RADIATION_ONCOLOGIST),
            allow(POST, COURSE + "/deviations", RADIATION_ONCOLOGIST),
            allow(POST, COURSE + "/early-stop", RADIATION_ONCOLOGIST),
            StoreChainController.PERMISSION);

    @Bean
    SecurityFilterChain api(HttpSecurity http, TrialHttpSecurity security) throws Exception {
        return security.build(http, PERMISSIONS);
    }
}
