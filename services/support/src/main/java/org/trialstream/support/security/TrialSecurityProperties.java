package org.trialstream.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may issue tokens for TrialStream and for whom they must be meant.
 *
 * @param issuer     the exact {@code iss} a token must carry (the OIDC issuer URL in production)
 * @param audience   a value the token's {@code aud} must contain
 * @param publicKey  the issuer's RSA public key as a PEM file (the local development issuer)
 * @param jwkSetUri  the issuer's JWK set, for a real OIDC provider such as Keycloak; wins over {@code publicKey}
 */
@ConfigurationProperties("trial.security")
public record TrialSecurityProperties(String issuer, String audience, String publicKey, String jwkSetUri) {
}
