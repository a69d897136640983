package org.trialstream.protocol.definition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The bundled protocol text, and variants of it with one value changed. */
public final class ProtocolFiles {

    private ProtocolFiles() {
    }

    public static String bundled() {
        try (InputStream in = ProtocolFiles.class.getClassLoader().getResourceAsStream(ProtocolLoader.DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bundled text with {@code original} (which must occur exactly once) replaced. */
    public static String bundledWith(String original, String replacement) {
        String text = bundled();
        int at = text.indexOf(original);
        if (at < 0 || text.indexOf(original, at + 1) >= 0) {
            throw new AssertionError("'" + original + "' must occur exactly once in the bundled protocol");
        }
        return text.replace(original, replacement);
    }

    public static Protocol parse(String yaml) {
        return ProtocolLoader.parse(yaml, "test.yaml");
    }
}
