package org.trialstream.support.protocol;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.trialstream.protocol.definition.Protocol;
import org.trialstream.protocol.definition.ProtocolLoader;

/** The study protocol for every service that uses it, validated at start-up. */
@AutoConfiguration
@ConditionalOnClass(Protocol.class)
public class ProtocolAutoConfiguration {

    /** A broken file stops the service with the key and the problem; an empty setting means the bundled protocol. */
    @Bean
    Protocol protocol(@Value("${trial.protocol.file:}") String file) {
        return file.isBlank() ? ProtocolLoader.loadDefault() : ProtocolLoader.load(Path.of(file));
    }
}
