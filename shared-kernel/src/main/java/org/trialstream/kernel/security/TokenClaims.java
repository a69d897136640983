package org.trialstream.kernel.security;

/** The claims a TrialStream access token carries besides the standard ones (sub, iss, aud, exp, nbf). */
public final class TokenClaims {

    /** One {@link Role} name: the capacity in which the person acts. */
    public static final String ROLE = "role";
    /** The site code of site staff; absent for roles that are not bound to a site. */
    public static final String SITE = "site";
    /** The display name recorded in the audit trail. */
    public static final String NAME = "name";

    private TokenClaims() {
    }
}
