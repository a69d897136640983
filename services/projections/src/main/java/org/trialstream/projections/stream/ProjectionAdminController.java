package org.trialstream.projections.stream;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.trialstream.support.web.Problems;

/**
 * The operator's view of the projections: each one's lag behind the log, and its rebuild. A rebuild builds a new
 * generation beside the live one, which keeps answering until the new one has caught up.
 */
@RestController
class ProjectionAdminController {

    private final Projections projections;

    ProjectionAdminController(Projections projections) {
        this.projections = projections;
    }

    @GetMapping("/admin/projections")
    List<Projections.Status> projections() {
        return projections.statuses();
    }

    /** Starts a rebuild, or reports the one already running. */
    @PostMapping("/admin/rebuild/{projection}")
    ResponseEntity<Projections.Rebuild> rebuild(@PathVariable String projection) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(projections.rebuild(projection).orElseThrow(() -> unknown(projection)).rebuild());
    }

    @GetMapping("/admin/rebuild/{projection}")
    Projections.Rebuild progress(@PathVariable String projection) {
        return projections.status(projection).orElseThrow(() -> unknown(projection)).rebuild();
    }

    private ErrorResponseException unknown(String projection) {
        return Problems.refusal(HttpStatus.NOT_FOUND, "No such projection", "projection",
                "the projections are " + projections.names());
    }
}
