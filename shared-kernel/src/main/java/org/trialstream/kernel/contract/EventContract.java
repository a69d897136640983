package org.trialstream.kernel.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a fact that is published to other contexts.
 * <p>
 * {@code name} is the stable wire type, {@code <context>.<Fact>}, and never the Java class name, so classes can move
 * without breaking consumers. {@code version} is the schema version: a change to the fields adds a new version, a new
 * golden sample and an upcaster; the old sample stays.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventContract {

    String name();

    int version();
}
