package org.trialstream.alerts.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.security.token.jwt.signature.rsa.RSASignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The issuer's RSA public key (PEM, {@code TRIAL_JWT_PUBLIC_KEY}) that every token must be signed with: the same key
 * the Spring services trust. RS256 only; without the key the service does not start.
 */
@Singleton
@Named("trial")
class TrialJwtKey implements RSASignatureConfiguration {

    private final RSAPublicKey publicKey;

    TrialJwtKey(@Value("${trial.security.public-key}") String file) {
        if (file.isBlank()) {
            throw new ConfigurationException("no token issuer key configured: set TRIAL_JWT_PUBLIC_KEY to the PEM file "
                    + "of the issuer's RSA public key");
        }
        try {
            String pem = Files.readString(Path.of(file))
                    .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "")
                    .replaceAll("\\s", "");
            publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new ConfigurationException("TRIAL_JWT_PUBLIC_KEY=" + file + " is not a readable RSA public key (PEM): "
                    + e.getMessage(), e);
        }
    }

    @Override
    public RSAPublicKey getPublicKey() {
        return publicKey;
    }
}
