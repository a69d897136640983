package org.trialstream.followup.config;

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
     * Who may record what. The research nurse runs the visits and records assessments, contacts and loss; a death
     * and a correction of an assessment are the investigator's. Site staff act only on their own site's patients
     * (checked by the follow-up aggregate).
     */
    public static final List<EndpointPermission> PERMISSIONS = List.of(
            allow(POST, "/patients/{patientId}/follow-up/assessments", INVESTIGATOR, RESEARCH_NURSE),
            allow(POST, "/patients/{patientId}/follow-up/assessments/corrections", INVESTIGATOR),
            allow(POST, "/patients/{patientId}/follow-up/contacts", INVESTIGATOR, RESEARCH_NURSE),
            allow(POST, "/patients/{patientId}/follow-up/death", INVESTIGATOR),
            allow(POST, "/patients/{patientId}/follow-up/lost", INVESTIGATOR, RESEARCH_NURSE),
            StoreChainController.PERMISSION);

    @Bean
    SecurityFilterChain api(HttpSecurity http, TrialHttpSecurity security) throws Exception {
        return security.build(http, PERMISSIONS);
    }
}
