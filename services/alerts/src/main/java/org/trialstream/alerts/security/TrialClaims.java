package org.trialstream.alerts.security;

import java.time.Clock;
import java.util.Collection;
import java.util.Date;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/**
 * The claims the Spring services demand too: our issuer, our audience, an expiry that has not passed (a token without
 * one is refused), no "not before" in the future, a subject and a role.
 */
@Singleton
class TrialClaims implements GenericJwtClaimsValidator<HttpRequest<?>> {

    private final String issuer;
    private final String audience;
    private final Clock clock;

    TrialClaims(@Value("${trial.security.issuer}") String issuer, @Value("${trial.security.audience}") String audience,
                Clock clock) {
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
    }

    @Override
    public boolean validate(Claims claims, HttpRequest<?> request) {
        Date now = Date.from(clock.instant());
        return issuer.equals(claims.get(Claims.ISSUER))
                && hasAudience(claims.get(Claims.AUDIENCE))
                && claims.get(Claims.EXPIRATION_TIME) != null && now.before(date(claims.get(Claims.EXPIRATION_TIME)))
                && (claims.get(Claims.NOT_BEFORE) == null || !now.before(date(claims.get(Claims.NOT_BEFORE))))
                && claims.get(Claims.SUBJECT) != null
                && claims.get("role") != null;
    }

    private boolean hasAudience(Object claim) {
        return claim instanceof Collection<?> values ? values.contains(audience) : audience.equals(claim);
    }

    private static Date date(Object claim) {
        if (claim instanceof Date date) {
            return date;
        }
        if (claim instanceof Number seconds) {
            return new Date(seconds.longValue() * 1000);
        }
        throw new IllegalArgumentException("not a time: " + claim);
    }
}
