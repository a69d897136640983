package org.trialstream.support.security;

import java.util.Optional;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.trialstream.kernel.security.Role;
import org.trialstream.kernel.security.TokenClaims;

/** The authenticated person behind a request, as the audit trail records them. */
public record Actor(String subject, String name, Role role, String site) {

    public static Optional<Actor> current() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            return Optional.of(of(token.getToken()));
        }
        return Optional.empty();
    }

    static Actor of(Jwt jwt) {
        String name = jwt.getClaimAsString(TokenClaims.NAME);
        return new Actor(jwt.getSubject(), name == null ? jwt.getSubject() : name,
                TrialSecurityAutoConfiguration.roleOf(jwt).orElse(null), jwt.getClaimAsString(TokenClaims.SITE));
    }

    /**
     * Whether this person may see a patient of the given site: site staff only their own site's patients, other
     * roles every site (their endpoints decide whether they see patient data at all), and nobody without a known
     * role.
     */
    public boolean canSee(String patientSite) {
        return role != null && role.maySee(site, patientSite);
    }
}
