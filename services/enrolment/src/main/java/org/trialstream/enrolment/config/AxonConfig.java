package org.trialstream.enrolment.config;

import java.time.Clock;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.trialstream.enrolment.domain.ClinicalCalendar;
import org.trialstream.enrolment.study.domain.Study;
import org.trialstream.enrolment.study.domain.StudyRegister;
import org.trialstream.kernel.contract.EventContracts;
import org.trialstream.protocol.definition.Protocol;

@Configuration
class AxonConfig {

    /**
     * Events are stored as JSON; a published contract's revision is its contract version, so Axon upcasters can key
     * on it without Axon annotations in the shared kernel. XStream cannot rebuild Java records.
     */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(ObjectMapper objectMapper) {
        return JacksonSerializer.builder()
                .objectMapper(objectMapper.copy())
                .revisionResolver(type -> EventContracts.contractOf(type)
                        .map(contract -> String.valueOf(contract.version()))
                        .orElse(null))
                .build();
    }

    @Bean
    ClinicalCalendar clinicalCalendar(Clock clock, @Value("${trial.clinical-time-zone}") ZoneId zone) {
        return new ClinicalCalendar(clock, zone);
    }

    @Bean
    StudyRegister studyRegister(Repository<Study> studyRepository, Protocol protocol) {
        return new StudyRegister(studyRepository, protocol.id());
    }

    @Bean
    StudyOpener studyOpener(EventStore eventStore, CommandGateway commands, Protocol protocol) {
        return new StudyOpener(eventStore, commands, protocol.id(), protocol.enrolment().cap());
    }
}
