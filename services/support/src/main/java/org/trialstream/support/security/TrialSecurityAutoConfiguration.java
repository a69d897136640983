package org.trialstream.support.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.trialstream.kernel.security.Role;
import org.trialstream.kernel.security.TokenClaims;
import org.trialstream.support.web.ProblemWriter;

/**
 * Every endpoint is an OAuth2 resource server endpoint. A token is accepted only if it is signed with RS256 by the
 * configured issuer's key ({@code alg: none} and every other algorithm are refused), names the configured issuer,
 * contains the configured audience, has an expiry, and is within its expiry and not-before times. The default validators are kept
 * and the issuer and audience checks are added to them, never put in their place.
 */
@AutoConfiguration(before = OAuth2ResourceServerAutoConfiguration.class)
@EnableConfigurationProperties(TrialSecurityProperties.class)
public class TrialSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(TrialSecurityProperties properties) {
        requireText(properties.issuer(), "trial.security.issuer");
        requireText(properties.audience(), "trial.security.audience");
        NimbusJwtDecoder decoder;
        if (hasText(properties.jwkSetUri())) {
            decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                    .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        } else {
            requireText(properties.publicKey(), "trial.security.public-key or trial.security.jwk-set-uri");
            decoder = NimbusJwtDecoder.withPublicKey(readPublicKey(Path.of(properties.publicKey())))
                    .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        }
        // The default timestamp check only judges an exp that is there: a token without one must not live forever.
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(List.of(
                new JwtIssuerValidator(properties.issuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && audience.contains(properties.audience())),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull))));
        return decoder;
    }

    /** The token's {@code role} claim becomes the one authority {@code ROLE_<ROLE>}; an unknown role gets none. */
    @Bean
    @ConditionalOnMissingBean
    JwtAuthenticationConverter jwtAuthenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> roleOf(jwt)
                .map(role -> List.of(new SimpleGrantedAuthority("ROLE_" + role.name())))
                .map(List::<org.springframework.security.core.GrantedAuthority>copyOf)
                .orElse(List.of()));
        return converter;
    }

    @Bean
    TrialHttpSecurity trialHttpSecurity(ObjectMapper objectMapper) {
        return new TrialHttpSecurity(new ProblemResponses(new ProblemWriter(objectMapper)));
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper objectMapper) {
        return new ProblemResponses(new ProblemWriter(objectMapper)).rejected();
    }

    static Optional<Role> roleOf(Jwt jwt) {
        return Role.named(jwt.getClaimAsString(TokenClaims.ROLE));
    }

    static RSAPublicKey readPublicKey(Path pem) {
        try {
            String base64 = Files.readString(pem, StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "")
                    .replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the token issuer's public key " + pem
                    + " (trial.security.public-key); the local stack writes it with ./trial up", e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("trial.security.public-key " + pem + " is not an RSA public key PEM", e);
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    private static void requireText(String value, String property) {
        if (!hasText(value)) {
            throw new IllegalStateException(property + " must be set: tokens cannot be checked without it");
        }
    }
}
