package org.trialstream.protocol.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** A mapping in the protocol file together with its key path, so that every complaint names the key it is about. */
final class YamlNode {

    private final JsonNode node;
    private final String path;
    private final String source;

    YamlNode(JsonNode node, String path, String source) {
        this.node = node;
        this.path = path;
        this.source = source;
    }

    String path() {
        return path;
    }

    String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    InvalidProtocolException problem(String key, String problem) {
        return new InvalidProtocolException(source, key == null ? path : pathOf(key), problem);
    }

    /** Refuses keys the protocol does not know, so that a misspelt key is not silently ignored. */
    YamlNode allowing(String... keys) {
        Set<String> allowed = Set.of(keys);
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw problem(name, "unknown key (allowed here: " + String.join(", ", keys) + ")");
            }
        }
        return this;
    }

    boolean has(String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    private JsonNode required(String key) {
        if (!has(key)) {
            throw problem(key, "is required");
        }
        return node.get(key);
    }

    YamlNode object(String key) {
        JsonNode child = required(key);
        if (!child.isObject()) {
            throw problem(key, "must be a mapping of keys to values");
        }
        return new YamlNode(child, pathOf(key), source);
    }

    String text(String key) {
        JsonNode child = required(key);
        if (!child.isValueNode() || child.asText().isBlank()) {
            throw problem(key, "must be a non-empty text");
        }
        return child.asText().trim();
    }

    int integer(String key, int min) {
        JsonNode child = required(key);
        if (!child.isIntegralNumber() || !child.canConvertToInt()) {
            throw problem(key, "must be a whole number, was '" + child.asText() + "'");
        }
        if (child.intValue() < min) {
            throw problem(key, "must be at least " + min + ", was " + child.intValue());
        }
        return child.intValue();
    }

    boolean bool(String key) {
        JsonNode child = required(key);
        if (!child.isBoolean()) {
            throw problem(key, "must be true or false, was '" + child.asText() + "'");
        }
        return child.booleanValue();
    }

    LocalDate date(String key) {
        String text = text(key);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw problem(key, "must be a date written YYYY-MM-DD, was '" + text + "'");
        }
    }

    BigDecimal decimal(String key) {
        JsonNode child = required(key);
        if (!child.isNumber()) {
            throw problem(key, "must be a number, was '" + child.asText() + "'");
        }
        BigDecimal value = child.decimalValue();
        if (value.signum() < 0) {
            throw problem(key, "must not be negative, was " + value.toPlainString());
        }
        return value;
    }

    List<JsonNode> list(String key) {
        JsonNode child = required(key);
        if (!child.isArray()) {
            throw problem(key, "must be a list");
        }
        if (child.isEmpty()) {
            throw problem(key, "must not be empty");
        }
        List<JsonNode> items = new ArrayList<>();
        child.forEach(items::add);
        return items;
    }

    /** An enum constant written in kebab case, e.g. {@code local-recurrence-on-imaging}. */
    <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        String text = text(key);
        String constant = text.toUpperCase(Locale.ROOT).replace('-', '_');
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(constant)) {
                return value;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants())
                .map(value -> value.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.joining(", "));
        throw problem(key, "'" + text + "' is not one of " + allowed);
    }
}
