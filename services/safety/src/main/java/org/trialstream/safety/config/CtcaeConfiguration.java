package org.trialstream.safety.config;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.trialstream.protocol.ctcae.CtcaeDictionary;
import org.trialstream.protocol.ctcae.CtcaeDictionaryException;

/** The CTCAE v5.0 dictionary every grade is checked against, loaded once at start-up. */
@Configuration
class CtcaeConfiguration {

    /** A missing or broken file stops start-up with the file, the record and the problem named. */
    @Bean
    CtcaeDictionary ctcaeDictionary(@Value("${trial.ctcae.file}") String file) {
        if (file.isBlank()) {
            throw new CtcaeDictionaryException("no CTCAE v5.0 term list configured: set TRIAL_CTCAE_FILE (or "
                    + "trial.ctcae.file) to the path of the NCI CTCAE v5.0 CSV; safety grades every adverse event by it");
        }
        return CtcaeDictionary.load(Path.of(file));
    }
}
