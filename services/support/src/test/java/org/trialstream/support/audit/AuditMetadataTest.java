package org.trialstream.support.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.trialstream.kernel.audit.AuditMetadata;

class AuditMetadataTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T09:15:00Z"), ZoneOffset.UTC);
    private final AuditCommandInterceptor interceptor = new AuditCommandInterceptor(CLOCK, "enrolment");

    @AfterEach
    void clearSecurityContext() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void stampsACommandWithTheActingUserAndTheRecordedTime() {
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("investigator-1")
                .claim("name", "Dr Wang").claim("role", "INVESTIGATOR").claim("site", "RJH")
                .build()));

        CommandMessage<?> stamped = dispatch(GenericCommandMessage.asCommandMessage("screen"));

        assertThat(stamped.getMetaData()).containsEntry(AuditMetadata.ACTOR_SUBJECT, "investigator-1")
                .containsEntry(AuditMetadata.ACTOR_NAME, "Dr Wang")
                .containsEntry(AuditMetadata.ACTOR_ROLE, "INVESTIGATOR")
                .containsEntry(AuditMetadata.ACTOR_SITE, "RJH")
                .containsEntry(AuditMetadata.RECORDED_AT, "2026-03-04T09:15:00Z")
                .containsEntry(AuditMetadata.CORRELATION_ID, stamped.getIdentifier());
    }

    @Test
    void namesTheServiceWhenNoUserSentTheCommand() {
        CommandMessage<?> stamped = dispatch(GenericCommandMessage.asCommandMessage("open study"));

        assertThat(stamped.getMetaData()).containsEntry(AuditMetadata.ACTOR_SUBJECT, "system:enrolment")
                .doesNotContainKey(AuditMetadata.ACTOR_ROLE);
    }

    @Test
    void keepsTheCorrelationOfACommandCausedByAnEarlierMessage() {
        CommandMessage<?> caused = GenericCommandMessage.asCommandMessage("follow-up")
                .andMetaData(Map.of(AuditMetadata.CORRELATION_ID, "user-action-1"));

        assertThat(dispatch(caused).getMetaData()).containsEntry(AuditMetadata.CORRELATION_ID, "user-action-1");
    }

    @Test
    void carriesWhoWhenAndWhyOntoCausedMessagesAndNamesTheCause() {
        CommandMessage<?> command = GenericCommandMessage.asCommandMessage("withdraw")
                .andMetaData(Map.of(AuditMetadata.ACTOR_SUBJECT, "nurse-7", AuditMetadata.CLINICAL_DATE, "2026-03-01",
                        AuditMetadata.CORRELATION_ID, "c-1", "unrelated", "not carried"));

        Map<String, Object> carried = Map.copyOf(new AuditCorrelationDataProvider().correlationDataFor(command));

        assertThat(carried).containsEntry(AuditMetadata.ACTOR_SUBJECT, "nurse-7")
                .containsEntry(AuditMetadata.CLINICAL_DATE, "2026-03-01")
                .containsEntry(AuditMetadata.CORRELATION_ID, "c-1")
                .containsEntry(AuditMetadata.CAUSATION_ID, command.getIdentifier())
                .doesNotContainKey("unrelated");
        assertThat(new AuditCorrelationDataProvider()
                .correlationDataFor(GenericEventMessage.asEventMessage("fact")))
                .containsOnlyKeys(AuditMetadata.CAUSATION_ID);
    }

    @Test
    void aFactNamesTheRequestOrTheTriggeringFactBehindItsCommandAsItsCause() {
        CommandMessage<?> command = GenericCommandMessage.asCommandMessage("enrol")
                .andMetaData(Map.of(AuditMetadata.CAUSATION_ID, "request-1"));

        Map<String, Object> carried = Map.copyOf(new AuditCorrelationDataProvider().correlationDataFor(command));
        assertThat(carried).containsEntry(AuditMetadata.CAUSATION_ID, "request-1");
    }

    @Test
    void aReactionToAnotherContextsFactRunsAsTheServicesSystemActor() {
        var fact = GenericEventMessage.asEventMessage("patient enrolled")
                .andMetaData(Map.of(AuditMetadata.ACTOR_SUBJECT, "investigator-1"));
        DefaultUnitOfWork<?> handling = DefaultUnitOfWork.startAndGet(fact);
        try {
            CommandMessage<?> inherited = GenericCommandMessage.asCommandMessage("plan course")
                    .andMetaData(Map.of(AuditMetadata.ACTOR_SUBJECT, "investigator-1",
                            AuditMetadata.ACTOR_ROLE, "INVESTIGATOR", AuditMetadata.ACTOR_SITE, "RJH",
                            AuditMetadata.CORRELATION_ID, "c-1"));

            assertThat(dispatch(inherited).getMetaData())
                    .containsEntry(AuditMetadata.ACTOR_SUBJECT, "system:enrolment")
                    .containsEntry(AuditMetadata.CORRELATION_ID, "c-1")
                    .containsEntry(AuditMetadata.RECORDED_AT, "2026-03-04T09:15:00Z")
                    .doesNotContainKeys(AuditMetadata.ACTOR_ROLE, AuditMetadata.ACTOR_SITE);
        } finally {
            handling.rollback();
        }
    }

    private CommandMessage<?> dispatch(CommandMessage<?> command) {
        return interceptor.handle(List.of(command)).apply(0, command);
    }
}
