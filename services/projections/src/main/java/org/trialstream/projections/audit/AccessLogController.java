package org.trialstream.projections.audit;

import java.util.List;

import org.bson.Document;
import org.trialstream.support.audit.AccessLog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The auditor's view of who read patient-level data. */
@RestController
class AccessLogController {

    private final AccessLog accessLog;

    AccessLogController(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    @GetMapping("/audit/access-log")
    List<Document> accessLog(@RequestParam(required = false) String patientId,
                             @RequestParam(required = false) String subject,
                             @RequestParam(defaultValue = "500") int limit) {
        return accessLog.find(patientId, subject, Math.max(1, Math.min(limit, 5000)));
    }
}
