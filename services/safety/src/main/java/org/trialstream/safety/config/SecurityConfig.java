package org.trialstream.safety.config;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.trialstream.kernel.security.Role.INVESTIGATOR;
import static org.trialstream.kernel.security.Role.RESEARCH_NURSE;
import static org.trialstream.kernel.security.Role.SAFETY_OFFICER;
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
     * Who may record what. The investigator and the research nurse of the patient's site report and follow adverse
     * events; a correction is the investigator's. The safety officer (every site) also records the reports sent to
     * the sponsor and watches the report clock. Site staff act only on their own site's patients (checked by the
     * safety record).
     */
    public static final List<EndpointPermission> PERMISSIONS = List.of(
            allow(POST, "/patients/{patientId}/adverse-events", INVESTIGATOR, RESEARCH_NURSE),
            allow(POST, "/patients/{patientId}/adverse-events/{adverseEventId}/grade-changes", INVESTIGATOR,
                    RESEARCH_NURSE),
            allow(POST, "/patients/{patientId}/adverse-events/{adverseEventId}/seriousness", INVESTIGATOR,
                    RESEARCH_NURSE, SAFETY_OFFICER),
            allow(POST, "/patients/{patientId}/adverse-events/{adverseEventId}/resolution", INVESTIGATOR,
                    RESEARCH_NURSE),
            allow(POST, "/patients/{patientId}/adverse-events/{adverseEventId}/corrections", INVESTIGATOR),
            allow(POST, "/patients/{patientId}/adverse-events/{adverseEventId}/reports", INVESTIGATOR,
                    SAFETY_OFFICER),
            allow(GET, "/sae-clock", SAFETY_OFFICER),
            StoreChainController.PERMISSION);

    @Bean
    SecurityFilterChain api(HttpSecurity http, TrialHttpSecurity security) throws Exception {
        return security.build(http, PERMISSIONS);
    }
}
