package org.trialstream.kernel.security;

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
}
