package org.trialstream.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.trialstream.kernel.audit.AuditMetadata;

class PatientAccessTest {

    @Test
    void letsSiteStaffActOnTheirOwnSitesPatient() {
        assertThat(PatientAccess.mayAct(actor("RESEARCH_NURSE", "RJH"), "RJH")).isTrue();
    }

    @Test
    void hidesAnotherSitesPatientFromSiteStaff() {
        assertThatThrownBy(() -> PatientAccess.requireVisible(actor("INVESTIGATOR", "OTH"), "RJH"))
                .isInstanceOf(NotFound.class).hasMessage("no patient with this id exists");
    }

    @Test
    void letsTheSafetyOfficerSeeEverySite() {
        assertThat(PatientAccess.mayAct(MetaData.with(AuditMetadata.ACTOR_ROLE, "SAFETY_OFFICER"), "RJH")).isTrue();
    }

    @Test
    void deniesAnActorWithoutARole() {
        assertThat(PatientAccess.mayAct(MetaData.with(AuditMetadata.ACTOR_SUBJECT, "someone"), "RJH")).isFalse();
    }

    @Test
    void deniesACommandWithNoActorAtAll() {
        assertThat(PatientAccess.mayAct(MetaData.emptyInstance(), "RJH")).isFalse();
    }

    @Test
    void deniesAnUnknownRole() {
        assertThat(PatientAccess.mayAct(actor("JANITOR", "RJH"), "RJH")).isFalse();
    }

    @Test
    void letsTheServiceReactAsItsSystemActor() {
        assertThat(PatientAccess.mayAct(MetaData.with(AuditMetadata.ACTOR_SUBJECT, "system:dosing"), "RJH"))
                .isTrue();
    }

    private static MetaData actor(String role, String site) {
        return MetaData.from(Map.of(AuditMetadata.ACTOR_SUBJECT, "someone", AuditMetadata.ACTOR_ROLE, role,
                AuditMetadata.ACTOR_SITE, site));
    }
}
