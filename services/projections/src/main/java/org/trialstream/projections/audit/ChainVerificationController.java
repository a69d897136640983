package org.trialstream.projections.audit;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.trialstream.kernel.audit.ChainVerification;
import org.trialstream.projections.stream.ChainVerifier;
import org.trialstream.support.web.Problems;

/**
 * Tamper evidence for the monitor: every fact chain of the trial's topics (or of one patient, or of named topics such
 * as a copy kept for inspection) recomputed from the Kafka log, with the first link that does not hold.
 */
@RestController
class ChainVerificationController {


    private final ChainVerifier verifier;

    ChainVerificationController(ChainVerifier verifier) {
        this.verifier = verifier;
    }

    @GetMapping("/audit/verify")
    ChainVerification.Report verify(@RequestParam(required = false) String patientId,
                                    @RequestParam(required = false) List<String> topic) {
        List<String> topics = topic == null || topic.isEmpty() ? ChainVerifier.TRIAL_TOPICS : topic;
        topics.stream().filter(name -> !name.matches("trial\\.[a-z0-9.-]+")).findFirst().ifPresent(name -> {
            throw Problems.refusal(HttpStatus.BAD_REQUEST, "The request is not valid", "topic",
                    "only the trial's topics (trial.*) hold facts to verify");
        });
        return verifier.verify(topics, patientId);
    }
}
