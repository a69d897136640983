package org.trialstream.kernel.contract;

/**
 * Kafka record headers that every published fact carries. Consumers choose the payload type from these headers,
 * never from a Java class name.
 */
public final class ContractHeaders {

    /** The contract name, for example {@code enrolment.PatientEnrolled}. */
    public static final String EVENT_TYPE = "event-type";
    /** The contract version, a decimal number. */
    public static final String EVENT_VERSION = "event-version";
    /** The event's unique id in the producer's event store: consumers deduplicate by it. */
    public static final String EVENT_ID = "event-id";
    /** When the event was recorded, ISO-8601 UTC. */
    public static final String EVENT_TIMESTAMP = "event-timestamp";
    /**
     * The version of the patient's record after this event (its sequence number in the owner's event store), when
     * the event belongs to one record. Front ends send it back in {@code If-Match} to change what they have seen.
     */
    public static final String RECORD_VERSION = "record-version";
    /** Prefix of the headers that carry the event's audit metadata, e.g. {@code meta-actorSubject}. */
    public static final String METADATA_PREFIX = "meta-";

    private ContractHeaders() {
    }
}
