package org.trialstream.protocol;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the CTCAE development copy, which is never copied into the project: the file named by the system property
 * {@code trial.ctcae.file}, else {@code shared/data/ctcae/CTCAE_v5.0.csv} in the first folder walking up from the
 * working directory that has one (CI puts {@code shared/} beside the repository). Missing: the test fails, never skips.
 */
public final class SharedData {

    private static final String RELATIVE = "shared/data/ctcae/CTCAE_v5.0.csv";

    private SharedData() {
    }

    public static Path ctcaeFile() {
        String configured = System.getProperty("trial.ctcae.file");
        if (configured != null && !configured.isBlank()) {
            Path file = Path.of(configured);
            if (Files.isRegularFile(file)) {
                return file;
            }
            throw new AssertionError("trial.ctcae.file=" + configured + " is not a file");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("CTCAE v5.0 term list not found: no " + RELATIVE + " in " + Path.of("").toAbsolutePath()
                + " or any parent folder; put the shared/ folder beside the repository or set -Dtrial.ctcae.file=PATH");
    }
}
