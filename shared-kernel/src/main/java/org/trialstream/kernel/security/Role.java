package org.trialstream.kernel.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a person does in the study. Site staff act only on their own site's patients; the monitor reads everything
 * and changes nothing; the statistician sees aggregate read models only.
 */
public enum Role {
    INVESTIGATOR(true),
    RESEARCH_NURSE(true),
    PHARMACIST(true),
    RADIATION_ONCOLOGIST(true),
    SAFETY_OFFICER(false),
    MONITOR(false),
    STATISTICIAN(false),
    ADMINISTRATOR(false);

    private final boolean siteStaff;

    Role(boolean siteStaff) {
        this.siteStaff = siteStaff;
    }

    /** Site staff see and change only the patients of the site named in their token. */
    public boolean isSiteStaff() {
        return siteStaff;
    }

    /**
     * Whether a person acting in this role, at {@code actorSite}, may see a patient of {@code patientSite}: site
     * staff only at their own site (and nowhere without a site), every other role at every site.
     */
    public boolean maySee(String actorSite, String patientSite) {
        return !siteStaff || (actorSite != null && actorSite.equals(patientSite));
    }

    /** The role with this name, or empty for a name that is no role. */
    public static Optional<Role> named(String name) {
        return Arrays.stream(values()).filter(role -> role.name().equals(name)).findFirst();
    }
}
