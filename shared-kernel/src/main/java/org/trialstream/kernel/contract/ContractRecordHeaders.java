package org.trialstream.kernel.contract;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The headers of one published fact on its topic, written and read in this one place (the publisher, every
 * consumer and the tests use it). Framework-free: a Kafka {@code Headers} is read through two accessor functions.
 *
 * @param eventType     the contract name, for example {@code enrolment.PatientEnrolled}
 * @param eventVersion  the contract version
 * @param eventId       the event's unique id in the producer's event store: consumers de-duplicate by it
 * @param timestamp     when the event was recorded
 * @param recordVersion the patient record's version after the event, or null when it belongs to no record
 * @param metadata      the audit metadata (keys of {@code AuditMetadata}), as {@code meta-<key>} headers
 */
public record ContractRecordHeaders(String eventType, int eventVersion, String eventId, Instant timestamp,
                                    Long recordVersion, Map<String, String> metadata) {

    public ContractRecordHeaders {
        requireText(eventType, ContractHeaders.EVENT_TYPE);
        requireText(eventId, ContractHeaders.EVENT_ID);
        if (timestamp == null) {
            throw new IllegalArgumentException("a published fact needs its " + ContractHeaders.EVENT_TIMESTAMP);
        }
        metadata = Map.copyOf(metadata);
    }

    /** The headers in a stable order, values UTF-8. */
    public Map<String, byte[]> toHeaders() {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put(ContractHeaders.EVENT_TYPE, utf8(eventType));
        headers.put(ContractHeaders.EVENT_VERSION, utf8(String.valueOf(eventVersion)));
        headers.put(ContractHeaders.EVENT_ID, utf8(eventId));
        headers.put(ContractHeaders.EVENT_TIMESTAMP, utf8(timestamp.toString()));
        if (recordVersion != null) {
            headers.put(ContractHeaders.RECORD_VERSION, utf8(recordVersion.toString()));
        }
        new TreeMap<>(metadata).forEach((key, value) ->
                headers.put(ContractHeaders.METADATA_PREFIX + key, utf8(value)));
        return headers;
    }

    /**
     * Reads the headers of a record; where a header occurs twice the last one counts, as in Kafka's
     * {@code lastHeader}. A missing or malformed contract header is an {@link IllegalArgumentException} naming it.
     */
    public static <H> ContractRecordHeaders read(Iterable<H> headers, Function<H, String> key,
                                                 Function<H, byte[]> value) {
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, String> metadata = new TreeMap<>();
        for (H header : headers) {
            String name = key.apply(header);
            String text = value.apply(header) == null ? null : new String(value.apply(header), StandardCharsets.UTF_8);
            if (name.startsWith(ContractHeaders.METADATA_PREFIX)) {
                if (text != null) {
                    metadata.put(name.substring(ContractHeaders.METADATA_PREFIX.length()), text);
                }
            } else {
                plain.put(name, text);
            }
        }
        String version = required(plain, ContractHeaders.EVENT_VERSION);
        String timestamp = required(plain, ContractHeaders.EVENT_TIMESTAMP);
        String recordVersion = plain.get(ContractHeaders.RECORD_VERSION);
        try {
            return new ContractRecordHeaders(required(plain, ContractHeaders.EVENT_TYPE), Integer.parseInt(version),
                    required(plain, ContractHeaders.EVENT_ID), Instant.parse(timestamp),
                    recordVersion == null ? null : Long.valueOf(recordVersion), metadata);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("malformed contract header: " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the record has no " + name + " header");
        }
        return value;
    }

    private static void requireText(String value, String header) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a published fact needs its " + header);
        }
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
