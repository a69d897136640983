package org.trialstream.enrolment.config;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.trialstream.enrolment.study.domain.ScreeningNumbers;
import org.trialstream.enrolment.study.domain.Study;
import org.trialstream.enrolment.study.domain.StudyRegister;
import org.trialstream.enrolment.study.store.JdbcScreeningNumbers;
import org.trialstream.enrolment.study.store.V1001__BackfillScreeningNumbers;
import org.trialstream.protocol.definition.Protocol;

@Configuration
class EnrolmentConfig {

    /** The study register stays in memory between commands instead of being replayed for each enrolment. */
    @Bean
    Cache studyCache() {
        return new WeakReferenceCache();
    }

    @Bean
    ScreeningNumbers screeningNumbers(JdbcTemplate jdbc) {
        return new JdbcScreeningNumbers(jdbc);
    }

    @Bean
    V1001__BackfillScreeningNumbers backfillScreeningNumbers() {
        return new V1001__BackfillScreeningNumbers();
    }

    @Bean
    StudyRegister studyRegister(Repository<Study> studyRepository, ScreeningNumbers screeningNumbers,
                                Protocol protocol) {
        return new StudyRegister(studyRepository, screeningNumbers, protocol.id());
    }

    @Bean
    StudyOpener studyOpener(EventStore eventStore, CommandGateway commands, Protocol protocol) {
        return new StudyOpener(eventStore, commands, protocol.id(), protocol.enrolment().cap());
    }
}
