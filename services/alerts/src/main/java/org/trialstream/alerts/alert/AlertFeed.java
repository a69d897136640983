package org.trialstream.alerts.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * Pushes notices to every subscriber at once. A subscriber first gets what it missed (from the store, after its
 * {@code Last-Event-ID}), then everything live, in order and each once: notices pushed while its replay is read are
 * held back and sent after it, skipping any the replay already held.
 */
@Singleton
public class AlertFeed {

    private final AlertStore store;
    private final List<Consumer<Notice>> subscribers = new CopyOnWriteArrayList<>();

    AlertFeed(AlertStore store) {
        this.store = store;
    }

    public void push(Notice notice) {
        subscribers.forEach(subscriber -> subscriber.accept(notice));
    }

    /** The notices after {@code lastNoticeId} (all of them when null), then every new one. */
    public Flux<Notice> subscribe(String lastNoticeId) {
        return Flux.create(sink -> {
            Subscription subscription = new Subscription(sink);
            subscribers.add(subscription);
            sink.onDispose(() -> subscribers.remove(subscription));
            subscription.replay(store.noticesAfter(lastNoticeId));
        });
    }

    private static final class Subscription implements Consumer<Notice> {

        private final FluxSink<Notice> sink;
        private final List<Notice> heldBack = new ArrayList<>();
        private boolean replaying = true;
        private long lastSent;

        Subscription(FluxSink<Notice> sink) {
            this.sink = sink;
        }

        @Override
        public synchronized void accept(Notice notice) {
            if (replaying) {
                heldBack.add(notice);
            } else {
                send(notice);
            }
        }

        synchronized void replay(List<Notice> missed) {
            missed.forEach(this::send);
            heldBack.forEach(this::send);
            heldBack.clear();
            replaying = false;
        }

        private void send(Notice notice) {
            if (notice.sequence() > lastSent) {
                lastSent = notice.sequence();
                sink.next(notice);
            }
        }
    }
}
