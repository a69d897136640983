package org.trialstream.localstack.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.trialstream.kernel.security.TokenClaims;

/**
 * The local stack's development token issuer: an RSA key pair of its own in the data folder (never committed) and
 * RS256 tokens with the claims the services check. Production uses a real OIDC provider instead.
 */
public final class DevTokenIssuer {

    public static final String ISSUER = "trialstream-dev";
    public static final String AUDIENCE = "trialstream";
    private static final String PRIVATE_KEY_FILE = "dev-issuer.key.pem";
    private static final String PUBLIC_KEY_FILE = "dev-issuer.pub.pem";

    private final RSAPrivateKey privateKey;
    private final RSAPublicKey publicKey;

    private DevTokenIssuer(RSAPrivateKey privateKey, RSAPublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** A fresh key pair held in memory, for tests. */
    public static DevTokenIssuer generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new DevTokenIssuer((RSAPrivateKey) pair.getPrivate(), (RSAPublicKey) pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key pair kept in {@code folder}, created (private key readable by the owner only) on first use. */
    public static DevTokenIssuer inFolder(Path folder) {
        Path privateFile = folder.resolve(PRIVATE_KEY_FILE);
        try {
            if (Files.exists(privateFile)) {
                return fromPrivateKey(privateFile);
            }
            DevTokenIssuer issuer = generate();
            Files.createDirectories(folder);
            // Created readable by the owner only, so the private key is never readable by others, not even briefly.
            Files.createFile(privateFile, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
            Files.writeString(privateFile, pem("PRIVATE KEY", issuer.privateKey.getEncoded()));
            issuer.writePublicKey(folder.resolve(PUBLIC_KEY_FILE));
            return issuer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the development issuer's keys in " + folder, e);
        }
    }

    public static Path publicKeyFile(Path folder) {
        return folder.resolve(PUBLIC_KEY_FILE);
    }

    public Path writePublicKey(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, pem("PUBLIC KEY", publicKey.getEncoded()));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Token token(String role) {
        return new Token(this, role);
    }

    private static DevTokenIssuer fromPrivateKey(Path file) throws IOException {
        try {
            byte[] der = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", ""));
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new DevTokenIssuer(privateKey, publicKey);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(file + " is not the development issuer's RSA private key", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    /** A token being described; {@link #sign()} issues it. Defaults: valid for 12 hours from now. */
    public static final class Token {
        private final DevTokenIssuer issuer;
        private final String role;
        private String subject = "dev-" + UUID.randomUUID().toString().substring(0, 8);
        private String name;
        private String site;
        private String issuerName = ISSUER;
        private String audience = AUDIENCE;
        private Instant notBefore = Instant.now().minusSeconds(5);
        private Instant expiresAt = Instant.now().plus(Duration.ofHours(12));

        private Token(DevTokenIssuer issuer, String role) {
            this.issuer = issuer;
            this.role = role;
        }

        public Token subject(String value) { subject = value; return this; }
        public Token name(String value) { name = value; return this; }
        public Token site(String value) { site = value; return this; }
        public Token issuer(String value) { issuerName = value; return this; }
        public Token audience(String value) { audience = value; return this; }
        public Token notBefore(Instant value) { notBefore = value; return this; }
        /** {@code null} leaves the expiry out, which the services must refuse. */
        public Token expiresAt(Instant value) { expiresAt = value; return this; }

        public String sign() {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer(issuerName)
                    .audience(audience)
                    .subject(subject)
                    .jwtID(UUID.randomUUID().toString())
                    .issueTime(Date.from(Instant.now()))
                    .notBeforeTime(Date.from(notBefore))
                    .expirationTime(expiresAt == null ? null : Date.from(expiresAt))
                    .claim(TokenClaims.ROLE, role)
                    .claim(TokenClaims.NAME, name == null ? subject : name);
            if (site != null) {
                claims.claim(TokenClaims.SITE, site);
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
            try {
                jwt.sign(new RSASSASigner(issuer.privateKey));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }
    }
}
