package org.trialstream.projections.config;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.trialstream.kernel.security.Role.ADMINISTRATOR;
import static org.trialstream.kernel.security.Role.INVESTIGATOR;
import static org.trialstream.kernel.security.Role.MONITOR;
import static org.trialstream.kernel.security.Role.PHARMACIST;
import static org.trialstream.kernel.security.Role.RADIATION_ONCOLOGIST;
import static org.trialstream.kernel.security.Role.RESEARCH_NURSE;
import static org.trialstream.kernel.security.Role.SAFETY_OFFICER;
import static org.trialstream.kernel.security.Role.STATISTICIAN;
import static org.trialstream.support.security.EndpointPermission.allow;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.trialstream.support.security.EndpointPermission;
import org.trialstream.support.security.TrialHttpSecurity;

@Configuration
public class SecurityConfig {

    /**
     * Patient-level data for the people who care for, watch over or audit patients; aggregates for everyone,
     * including the statistician; the endpoint analyses for those who judge the trial's results (the per-patient data
     * set for the statistician and the monitor); the toxicity tables for the same readers, and the toxicity listings
     * (patient rows) for site investigators and nurses (their own site's rows), the safety officer and the monitor;
     * the follow-up worklist for site staff (their own site) and the monitor; a patient's anlotinib exposure for the
     * site's investigator and pharmacist, the safety officer and the monitor, the exposure listing (by study id) for
     * the statistician and the monitor, and the dosing worklist for the site's investigator and pharmacist and the
     * monitor; radiotherapy compliance and the overlap with anlotinib for the site's investigator and radiation
     * oncologist, the safety officer and the monitor, and the radiotherapy summary for them and the statistician; the
     * rebuild for the administrator; the access log and the verification of the fact chains for the monitor; a
     * patient's full history for the monitor, the safety officer and the site staff of the patient's site, and the
     * copies for inspection (a patient's casebook, the trail of a period) for the monitor.
     */
    public static final List<EndpointPermission> PERMISSIONS = List.of(
            allow(GET, "/patients", INVESTIGATOR, RESEARCH_NURSE, PHARMACIST, RADIATION_ONCOLOGIST, SAFETY_OFFICER,
                    MONITOR),
            allow(GET, "/patients/{patientId}", INVESTIGATOR, RESEARCH_NURSE, PHARMACIST, RADIATION_ONCOLOGIST,
                    SAFETY_OFFICER, MONITOR),
            allow(GET, "/enrolment/progress", INVESTIGATOR, RESEARCH_NURSE, PHARMACIST, RADIATION_ONCOLOGIST,
                    SAFETY_OFFICER, MONITOR, STATISTICIAN, ADMINISTRATOR),
            allow(GET, "/endpoints/{endpoint}", INVESTIGATOR, SAFETY_OFFICER, MONITOR, STATISTICIAN),
            allow(GET, "/endpoints/{endpoint}/data.csv", MONITOR, STATISTICIAN),
            allow(GET, "/endpoints/{endpoint}/curve.svg", INVESTIGATOR, SAFETY_OFFICER, MONITOR, STATISTICIAN),
            allow(GET, "/endpoints/{endpoint}/curve.png", INVESTIGATOR, SAFETY_OFFICER, MONITOR, STATISTICIAN),
            allow(GET, "/endpoints/local-recurrence/cumulative-incidence", INVESTIGATOR, SAFETY_OFFICER, MONITOR,
                    STATISTICIAN),
            allow(GET, "/toxicity/teae", INVESTIGATOR, SAFETY_OFFICER, MONITOR, STATISTICIAN),
            allow(GET, "/toxicity/teae.csv", INVESTIGATOR, SAFETY_OFFICER, MONITOR, STATISTICIAN),
            allow(GET, "/toxicity/teae.svg", INVESTIGATOR, SAFETY_OFFICER, MONITOR, STATISTICIAN),
            allow(GET, "/toxicity/teae.png", INVESTIGATOR, SAFETY_OFFICER, MONITOR, STATISTICIAN),
            allow(GET, "/toxicity/serious", INVESTIGATOR, RESEARCH_NURSE, SAFETY_OFFICER, MONITOR),
            allow(GET, "/toxicity/deaths", INVESTIGATOR, RESEARCH_NURSE, SAFETY_OFFICER, MONITOR),
            allow(GET, "/toxicity/dose-modifications", INVESTIGATOR, RESEARCH_NURSE, SAFETY_OFFICER, MONITOR),
            allow(GET, "/follow-up/worklist", INVESTIGATOR, RESEARCH_NURSE, MONITOR),
            allow(GET, "/exposure/patients/{patientId}", INVESTIGATOR, PHARMACIST, SAFETY_OFFICER, MONITOR),
            allow(GET, "/exposure/listing", MONITOR, STATISTICIAN),
            allow(GET, "/exposure/listing.csv", MONITOR, STATISTICIAN),
            allow(GET, "/dosing/worklist", INVESTIGATOR, PHARMACIST, MONITOR),
            allow(GET, "/radiotherapy/patients/{patientId}", INVESTIGATOR, RADIATION_ONCOLOGIST, SAFETY_OFFICER,
                    MONITOR),
            allow(GET, "/radiotherapy/summary", INVESTIGATOR, RADIATION_ONCOLOGIST, SAFETY_OFFICER, MONITOR,
                    STATISTICIAN),
            allow(GET, "/radiotherapy/overlap", INVESTIGATOR, RADIATION_ONCOLOGIST, SAFETY_OFFICER, MONITOR),
            allow(GET, "/admin/projections", ADMINISTRATOR),
            allow(GET, "/admin/rebuild/{projection}", ADMINISTRATOR),
            allow(POST, "/admin/rebuild/{projection}", ADMINISTRATOR),
            allow(GET, "/audit/access-log", MONITOR),
            allow(GET, "/audit/verify", MONITOR),
            allow(GET, "/audit/patients/{patientId}/history", INVESTIGATOR, RESEARCH_NURSE, PHARMACIST,
                    RADIATION_ONCOLOGIST, SAFETY_OFFICER, MONITOR),
            allow(GET, "/audit/patients/{patientId}/casebook", MONITOR),
            allow(GET, "/audit/export", MONITOR));

    @Bean
    SecurityFilterChain api(HttpSecurity http, TrialHttpSecurity security) throws Exception {
        return security.build(http, PERMISSIONS);
    }
}
