package org.trialstream.projections.stream;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoCollection;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs every projection, each on its own: its own consumer group, positions, collections, rebuild and lag. A rebuild
 * builds the next generation beside the live one, which keeps answering; when the new generation has caught up with
 * the log it becomes live in one conditional write, and the old one is dropped after a grace time. Any instance may
 * request, run or finish a rebuild: the generations are recorded in MongoDB, and every instance follows them.
 */
public class Projections implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Projections.class);

    /** Where one projection stands. */
    public record Status(String projection, int generation, RunnerState state, long applied, long lag,
                         String problem, Rebuild rebuild) {
    }

    /** A rebuild: the generation being built and how far it is, or the last one, done. */
    public record Rebuild(RebuildState state, int generation, long processed, long total) {
    }

    public enum RebuildState { REBUILDING, LIVE }

    private final Map<String, Projection> projections = new LinkedHashMap<>();
    private final ProjectionStore store;
    private final ContractRecordReader reader;
    private final String bootstrapServers;
    private final int maxPollRecords;
    private final Duration retireAfter;
    private final Clock clock;
    private final Map<String, Map<Integer, ProjectionRunner>> runners = new ConcurrentHashMap<>();
    private final Map<String, ProjectionStore.Generations> generations = new ConcurrentHashMap<>();
    private ScheduledExecutorService control;
    private volatile boolean running;

    public Projections(List<Projection> projections, ProjectionStore store, ContractRecordReader reader,
                       String bootstrapServers, int maxPollRecords, Duration retireAfter, Clock clock) {
        projections.forEach(projection -> {
            if (this.projections.put(projection.name(), projection) != null) {
                throw new IllegalStateException("two projections are named " + projection.name());
            }
        });
        this.store = store;
        this.reader = reader;
        this.bootstrapServers = bootstrapServers;
        this.maxPollRecords = maxPollRecords;
        this.retireAfter = retireAfter;
        this.clock = clock;
    }

    public void registerMetrics(MeterRegistry meters) {
        for (String name : projections.keySet()) {
            Gauge.builder("trial.projection.lag", () -> status(name).map(Status::lag).orElse(0L))
                    .description("facts on the log not yet in the live read model").tag("projection", name)
                    .register(meters);
            Gauge.builder("trial.projection.rebuild.remaining", () -> status(name).map(Status::rebuild)
                            .filter(rebuild -> rebuild.state() == RebuildState.REBUILDING)
                            .map(rebuild -> rebuild.total() - rebuild.processed()).orElse(0L))
                    .description("facts a running rebuild has still to apply").tag("projection", name)
                    .register(meters);
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        control = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "projections-control");
            thread.setDaemon(true);
            return thread;
        });
        projections.keySet().forEach(store::register);
        projections.keySet().forEach(this::follow);
        control.scheduleWithFixedDelay(this::followAll, 500, 500, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (control != null) {
            control.shutdownNow();
        }
        runners.values().forEach(byGeneration -> byGeneration.values().forEach(ProjectionRunner::stop));
        runners.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    public List<String> names() {
        return List.copyOf(projections.keySet());
    }

    /** A collection of the projection's live generation, for reading. */
    public MongoCollection<Document> live(String projection, String collection) {
        return store.documents(projection, generation(projection).live(), collection);
    }

    /** The counters of the projection's live generation, summed over partitions. */
    public Map<String, Long> liveCounters(String projection) {
        return store.ledger(projection, generation(projection).live()).counters();
    }

    /**
     * Starts building the next generation; empty when the projection is unknown. A rebuild already under way is
     * reported as it stands rather than started twice.
     */
    public synchronized Optional<Status> rebuild(String projection) {
        if (!projections.containsKey(projection)) {
            return Optional.empty();
        }
        ProjectionStore.Generations current = store.generations(projection, clock.instant());
        if (current.building() == null) {
            // Leftovers of the next generation cannot exist (generations only grow), but a dropped one may linger.
            store.drop(projection, projections.get(projection).collections(), current.live() + 1);
            if (store.startBuilding(projection, current.live(), clock.instant())) {
                log.info("rebuilding projection {} as generation {}", projection, current.live() + 1);
            }
        }
        follow(projection);
        return status(projection);
    }

    public Optional<Status> status(String projection) {
        if (!projections.containsKey(projection)) {
            return Optional.empty();
        }
        ProjectionStore.Generations current = generation(projection);
        Map<Integer, ProjectionRunner> own = runners.getOrDefault(projection, Map.of());
        ProjectionRunner live = own.get(current.live());
        ProjectionRunner.Progress progress = live == null ? new ProjectionRunner.Progress(0, 0) : live.progress();
        Rebuild rebuild;
        if (current.building() != null) {
            ProjectionRunner building = own.get(current.building());
            ProjectionRunner.Progress built = building == null ? new ProjectionRunner.Progress(0, 0)
                    : building.progress();
            rebuild = new Rebuild(RebuildState.REBUILDING, current.building(), built.applied(), built.total());
        } else {
            rebuild = new Rebuild(RebuildState.LIVE, current.live(), progress.applied(), progress.total());
        }
        return Optional.of(new Status(projection, current.live(),
                live == null ? RunnerState.STARTING : live.state(), progress.applied(), progress.lag(),
                live == null ? null : live.problem(), rebuild));
    }

    public List<Status> statuses() {
        List<Status> all = new ArrayList<>();
        projections.keySet().forEach(name -> status(name).ifPresent(all::add));
        return all;
    }

    /** The generations as this instance last read them (at most half a second old); reads never wait for a lock. */
    private ProjectionStore.Generations generation(String projection) {
        ProjectionStore.Generations known = generations.get(projection);
        return known != null ? known : store.generations(projection, clock.instant());
    }

    private void followAll() {
        for (String projection : projections.keySet()) {
            try {
                follow(projection);
            } catch (RuntimeException e) {
                log.warn("could not read the generations of projection {}: {}", projection, e.getMessage());
            }
        }
    }

    /** Brings this instance's runners in line with the recorded generations, and drops retired ones. */
    private synchronized void follow(String projection) {
        Projection definition = projections.get(projection);
        ProjectionStore.Generations current = store.generations(projection, clock.instant());
        generations.put(projection, current);
        if (!running) {
            return;
        }
        Map<Integer, ProjectionRunner> own = runners.computeIfAbsent(projection, key -> new ConcurrentHashMap<>());
        own.computeIfAbsent(current.live(), generation -> runner(definition, generation, null));
        if (current.building() != null) {
            int building = current.building();
            own.computeIfAbsent(building, generation -> runner(definition, generation, () -> promote(projection,
                    generation)));
        }
        own.entrySet().removeIf(entry -> {
            boolean retired = entry.getKey() != current.live() && !entry.getKey().equals(current.building());
            if (retired) {
                entry.getValue().stop();
            }
            return retired;
        });
        for (int generation : current.droppable()) {
            if (!own.containsKey(generation)) {
                store.drop(projection, definition.collections(), generation);
                log.info("dropped generation {} of projection {}", generation, projection);
            }
        }
    }

    private ProjectionRunner runner(Projection projection, int generation, Runnable onCaughtUp) {
        return new ProjectionRunner(projection, generation, store, reader, bootstrapServers, maxPollRecords,
                onCaughtUp).start();
    }

    /** Called by the rebuilding runner whenever it has caught up; the first call makes its generation live. */
    private void promote(String projection, int generation) {
        ProjectionStore.Generations known = generations.get(projection);
        if (known == null || known.building() == null || known.building() != generation) {
            return;
        }
        if (store.promote(projection, generation, clock.instant().plus(retireAfter))) {
            log.info("projection {} generation {} caught up with the log and is live", projection, generation);
        }
        control.execute(() -> follow(projection));
    }
}
