package org.trialstream.enrolment.config;

import static org.springframework.http.HttpMethod.POST;
import static org.trialstream.kernel.security.Role.INVESTIGATOR;
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

    /**
     * Who may record what. Enrolment decisions are the investigator's; the research nurse screens and records
     * withdrawals. Site staff act only on their own site's patients (checked by the patient aggregate).
     */
    public static final List<EndpointPermission> PERMISSIONS = List.of(
            allow(POST, "/patients", INVESTIGATOR, RESEARCH_NURSE),
            allow(POST, "/patients/{patientId}/eligibility", INVESTIGATOR),
            allow(POST, "/patients/{patientId}/enrolment", INVESTIGATOR),
            allow(POST, "/patients/{patientId}/withdrawal", INVESTIGATOR, RESEARCH_NURSE),
            allow(POST, "/patients/{patientId}/corrections", INVESTIGATOR),
            StoreChainController.PERMISSION);

    @Bean
    SecurityFilterChain api(HttpSecurity http, TrialHttpSecurity security) throws Exception {
        return security.build(http, PERMISSIONS);
    }
}
