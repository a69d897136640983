package org.trialstream.projections.stream;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Drops the read models and rebuilds them from offset 0 of the log; poll the GET for progress. */
@RestController
@RequestMapping("/admin/rebuild")
class RebuildController {

    private final ProjectionStream stream;

    RebuildController(ProjectionStream stream) {
        this.stream = stream;
    }

    @PostMapping
    ResponseEntity<RebuildView> rebuild() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(RebuildView.of(stream.requestRebuild()));
    }

    @GetMapping
    RebuildView progress() {
        return RebuildView.of(stream.rebuild());
    }

    record RebuildView(RebuildProgress.State state, long processed, long total) {
        static RebuildView of(RebuildProgress progress) {
            return new RebuildView(progress.state(), progress.processed(), progress.total());
        }
    }
}
