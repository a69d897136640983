package org.trialstream.projections.config;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.trialstream.protocol.definition.Protocol;
import org.trialstream.protocol.definition.ProtocolLoader;

@Configuration
class ProtocolConfig {

    /** The study protocol, validated at start-up: a broken file stops the service with the key and the problem. */
    @Bean
    Protocol protocol(@Value("${trial.protocol.file:}") String file) {
        return file.isBlank() ? ProtocolLoader.loadDefault() : ProtocolLoader.load(Path.of(file));
    }
}
