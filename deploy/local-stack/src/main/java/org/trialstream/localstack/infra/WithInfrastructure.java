package org.trialstream.localstack.infra;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class an {@link Infrastructure} as a constructor or method parameter. One set per kind is started for
 * the whole test JVM and stopped when it ends.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(InfrastructureExtension.class)
public @interface WithInfrastructure {

    Kind value() default Kind.LOCAL;

    enum Kind {
        /** Real broker and servers without Docker (the default, and what CI runs here). */
        LOCAL,
        /** Testcontainers; pair with {@code @Testcontainers(disabledWithoutDocker = true)}. */
        CONTAINERS
    }
}
