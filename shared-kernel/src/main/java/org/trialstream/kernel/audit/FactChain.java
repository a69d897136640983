package org.trialstream.kernel.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tamper-evident chain of published facts. Each fact's hash covers the hash of the fact before it in the same
 * chain (one per aggregate: a patient's record in one context), its contract name and version, its event id, its
 * payload and its audit metadata (who recorded it, when, why, and the request, correlation and causation ids), so
 * that a changed byte, a removed fact or a reordering breaks every link after it. The writing service computes it
 * when it appends the event and stores it in the event's metadata, which also travels as {@code meta-*} Kafka
 * headers; a verifier recomputes it from either.
 */
public final class FactChain {

    /** Metadata key: the aggregate whose chain this fact belongs to. */
    public static final String CHAIN_ID = "chainId";
    /** Metadata key: the hash of the fact before this one in its chain; empty for the first. */
    public static final String PREVIOUS = "chainPrevious";
    /** Metadata key: this fact's hash, SHA-256 in lower-case hex. */
    public static final String HASH = "chainHash";
    /** The previous hash of a chain's first fact. */
    public static final String GENESIS = "";

    private static final HexFormat HEX = HexFormat.of();

    private FactChain() {
    }

    /**
     * The hash of one fact. {@code metadata} is the event's metadata: its values count as text, a null not at all, and
     * the chain's own keys in it are not covered (they are what is computed). The payload is the fact's JSON as plain
     * Java values, and counts by content: object members in name order, whatever order the JSON had.
     */
    public static String hash(String previous, String eventType, int eventVersion, String eventId, Object payload,
                              Map<String, ?> metadata) {
        StringBuilder content = new StringBuilder()
                .append(previous).append('\n')
                .append(eventType).append('\n')
                .append(eventVersion).append('\n')
                .append(eventId).append('\n');
        canonical(payload, content);
        content.append('\n');
        new TreeMap<String, Object>(metadata).forEach((key, value) -> {
            if (value != null && !key.equals(PREVIOUS) && !key.equals(HASH)) {
                content.append(key).append('=').append(value).append('\n');
            }
        });
        return sha256(content.toString());
    }

    /**
     * JSON with object members in name order and no white space, from the payload as plain Java values (maps, lists,
     * strings, numbers, booleans and nulls, as a JSON library reads them): equal content gives equal text.
     */
    static void canonical(Object value, StringBuilder out) {
        if (value instanceof Map<?, ?> object) {
            out.append('{');
            String separator = "";
            for (Map.Entry<String, Object> member : new TreeMap<String, Object>(names(object)).entrySet()) {
                out.append(separator);
                quote(member.getKey(), out);
                out.append(':');
                canonical(member.getValue(), out);
                separator = ",";
            }
            out.append('}');
        } else if (value instanceof List<?> array) {
            out.append('[');
            for (int i = 0; i < array.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                canonical(array.get(i), out);
            }
            out.append(']');
        } else if (value instanceof String text) {
            quote(text, out);
        } else {
            out.append(value);
        }
    }

    private static Map<String, Object> names(Map<?, ?> object) {
        Map<String, Object> named = new TreeMap<>();
        object.forEach((key, member) -> named.put(String.valueOf(key), member));
        return named;
    }

    private static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static String sha256(String text) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
