package org.trialstream.dosing.config;

import static org.springframework.http.HttpMethod.POST;
import static org.trialstream.kernel.security.Role.INVESTIGATOR;
import static org.trialstream.kernel.security.Role.PHARMACIST;
import static org.trialstream.kernel.security.Role.RESEARCH_NURSE;
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

    private static final String COURSE = "/patients/{patientId}/anlotinib";

    /**
     * Who may record what: the pharmacist and the investigator of the patient's site run the course, and the research
     * nurse also transcribes the patient's diary. Site staff act only on their own site's patients (checked by the
     * course).
     */
    public static final List<EndpointPermission> PERMISSIONS = List.of(
            allow(POST, COURSE + "/first-dose", PHARMACIST, INVESTIGATOR),
            allow(POST, COURSE + "/dispensings", PHARMACIST, INVESTIGATOR),
            allow(POST, COURSE + "/dispensings/corrections", PHARMACIST, INVESTIGATOR),
            allow(POST, COURSE + "/returns", PHARMACIST, INVESTIGATOR),
            allow(POST, COURSE + "/returns/corrections", PHARMACIST, INVESTIGATOR),
            allow(POST, COURSE + "/diary", PHARMACIST, INVESTIGATOR, RESEARCH_NURSE),
            allow(POST, COURSE + "/dose-reductions", PHARMACIST, INVESTIGATOR),
            allow(POST, COURSE + "/interruptions", PHARMACIST, INVESTIGATOR),
            allow(POST, COURSE + "/resumptions", PHARMACIST, INVESTIGATOR),
            allow(POST, COURSE + "/discontinuation", PHARMACIST, INVESTIGATOR),
            allow(POST, COURSE + "/dose-decisions/{decisionId}", PHARMACIST, INVESTIGATOR),
            StoreChainController.PERMISSION);

    @Bean
    SecurityFilterChain api(HttpSecurity http, TrialHttpSecurity security) throws Exception {
        return security.build(http, PERMISSIONS);
    }
}
