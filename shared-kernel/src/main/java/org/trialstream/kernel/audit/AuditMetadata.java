package org.trialstream.kernel.audit;

/**
 * Keys of the audit metadata that every command and every event carries: who acted, when it was recorded, when it
 * happened clinically, and how it relates to other messages. They travel as Axon metadata into the event store, as
 * {@code meta-<key>} headers onto Kafka records, and into read models.
 */
public final class AuditMetadata {

    /** The acting user's subject (stable id from the identity provider). */
    public static final String ACTOR_SUBJECT = "actorSubject";
    /** The acting user's display name. */
    public static final String ACTOR_NAME = "actorName";
    /** The role the user acted in. */
    public static final String ACTOR_ROLE = "actorRole";
    /** The acting user's site, for site staff. */
    public static final String ACTOR_SITE = "actorSite";
    /** When the system recorded the command, ISO-8601 UTC from the service's clock. */
    public static final String RECORDED_AT = "recordedAt";
    /** The clinical date the user gave for the fact (screening, assessment, withdrawal...), ISO-8601. */
    public static final String CLINICAL_DATE = "clinicalDate";
    /** Shared by every message that follows from one user action. */
    public static final String CORRELATION_ID = "correlationId";
    /** The id of the message that directly caused this one. */
    public static final String CAUSATION_ID = "causationId";
    /** The HTTP request that carried the user action. */
    public static final String REQUEST_ID = "requestId";

    private AuditMetadata() {
    }
}
