package org.trialstream.alerts.alert;

import java.time.Clock;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import org.reactivestreams.Publisher;
import org.trialstream.alerts.web.Problem;

/**
 * Safety officers (and monitors, who only read) follow the alerts: a Server-Sent Events stream that a reconnecting
 * client resumes with {@code Last-Event-ID}, the list by state, and the acknowledgement.
 */
@Controller("/alerts")
class AlertController {

    static final String SAFETY_OFFICER = "SAFETY_OFFICER";
    static final String MONITOR = "MONITOR";

    private final AlertStore store;
    private final AlertFeed feed;
    private final Clock clock;

    AlertController(AlertStore store, AlertFeed feed, Clock clock) {
        this.store = store;
        this.feed = feed;
        this.clock = clock;
    }

    @Secured({SAFETY_OFFICER, MONITOR})
    @Get(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM)
    Publisher<Event<Alert>> stream(@Header("Last-Event-ID") @Nullable String lastEventId) {
        return feed.subscribe(lastEventId).map(notice -> Event.of(notice.alert())
                .id(notice.id())
                .name(notice.type() == Notice.Type.ESCALATED ? "escalation" : "alert"));
    }

    @Secured({SAFETY_OFFICER, MONITOR})
    @Get
    HttpResponse<?> list(@QueryValue @Nullable String state) {
        if (state == null) {
            return HttpResponse.ok(store.alerts(null));
        }
        Alert.State wanted;
        try {
            wanted = Alert.State.valueOf(state);
        } catch (IllegalArgumentException e) {
            return Problem.response(HttpStatus.BAD_REQUEST, "The request is not valid", "state",
                    "must be one of OPEN, ACKNOWLEDGED, ESCALATED");
        }
        return HttpResponse.ok(store.alerts(wanted));
    }

    @Secured(SAFETY_OFFICER)
    @Post("/{alertId}/acknowledgement")
    HttpResponse<?> acknowledge(@PathVariable String alertId, Authentication officer) {
        String who = officer.getName() + nameOf(officer);
        return store.acknowledge(alertId, who, clock.instant())
                .<HttpResponse<?>>map(HttpResponse::ok)
                .orElseGet(() -> store.find(alertId)
                        .<HttpResponse<?>>map(known -> Problem.response(HttpStatus.CONFLICT, "Already acknowledged",
                                "alertId", "acknowledged by " + known.acknowledgedBy() + " at "
                                        + known.acknowledgedAt()))
                        .orElseGet(() -> Problem.response(HttpStatus.NOT_FOUND, "Not found", "alertId",
                                "no alert with this id")));
    }

    private static String nameOf(Authentication officer) {
        Object name = officer.getAttributes().get("name");
        return name == null ? "" : " (" + name + ")";
    }

}
