package org.trialstream.statistics.survival;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared reference data, which is never copied into the project: the folder named by the system property
 * {@code trial.shared.dir}, else the first {@code shared/} folder found walking up from the working directory (CI puts
 * it beside the repository). A missing file fails the test; it is never skipped.
 */
final class SharedData {

    private SharedData() {
    }

    static Path file(String relative) {
        String configured = System.getProperty("trial.shared.dir");
        if (configured != null) {
            Path candidate = Path.of(configured).resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            throw new AssertionError("trial.shared.dir=" + configured + " does not contain " + relative);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("shared reference data not found: no shared/" + relative + " in "
                + Path.of("").toAbsolutePath() + " or any parent folder; put the shared/ folder beside the repository"
                + " or set -Dtrial.shared.dir=/path/to/shared");
    }
}
