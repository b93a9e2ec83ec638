package io.liandong.dispatch.console;

import io.liandong.contracts.EventEnvelope;
import io.liandong.dispatch.console.ConsoleViews.Change;
import io.liandong.dispatch.console.ConsoleViews.Delay;
import io.liandong.dispatch.console.ConsoleViews.Snapshot;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The console's one live picture and its subscribers. Every change gets the next sequence number; its stream id is
 * {@code <epoch>-<seq>}, the epoch being this process's start, so an id from before a restart is never mistaken for
 * one of now. A browser that reconnects with an id of this epoch still in the change log gets exactly the changes
 * after it; any other gets a fresh snapshot first. Both happen under the lock that orders changes, so nothing falls
 * between the snapshot and the stream.
 */
@ApplicationScoped
public class ConsoleHub {

    /** What a subscriber receives: a snapshot, a change, or the current delays. */
    public sealed interface Message permits SnapshotMessage, ChangeMessage, DelaysMessage {
    }

    public record SnapshotMessage(String id, Snapshot snapshot) implements Message {
    }

    /** A change; every stream is handed the same one, so its JSON is written once for all. */
    public record ChangeMessage(String id, Change change, Text json) implements Message {

        ChangeMessage(String id, Change change) {
            this(id, change, new Text());
        }
    }

    /** The delays now; every stream is handed the same one, so its JSON is written once for all. */
    public record DelaysMessage(List<Delay> delays, Text json) implements Message {

        DelaysMessage(List<Delay> delays) {
            this(delays, new Text());
        }
    }

    /**
     * A message's text: written by the first stream to send it, and the same text for every other. The streams
     * send at their own pace (each asks for the next message once its last was written), so they rarely send the
     * same message at the same moment; two that do may both write it, and either text is the same.
     */
    public static final class Text {

        private volatile String written;

        public String get(Supplier<String> write) {
            String text = written;
            if (text == null) {
                text = write.get();
                written = text;
            }
            return text;
        }
    }

    private final Clock clock;
    private final String epoch;
    private final int changeLogSize;
    private final LivePicture picture;
    private final DelayWindow delays;
    private final Deque<Change> changeLog = new ArrayDeque<>();
    private final List<MultiEmitter<? super Message>> subscribers = new CopyOnWriteArrayList<>();
    private long seq;
    private LivePicture.Applied held;
    private volatile boolean replaying = true;

    @Inject
    public ConsoleHub(Clock clock,
                      @ConfigProperty(name = "liandong.dispatch.console.recently-closed", defaultValue = "50") int maxClosed,
                      @ConfigProperty(name = "liandong.dispatch.console.surges", defaultValue = "30") int maxSurges,
                      @ConfigProperty(name = "liandong.dispatch.console.change-log", defaultValue = "10000") int changeLogSize,
                      @ConfigProperty(name = "liandong.dispatch.console.delay-window", defaultValue = "PT5M") Duration delayWindow) {
        this.clock = clock;
        this.epoch = Long.toString(System.currentTimeMillis(), 36);
        this.changeLogSize = changeLogSize;
        this.picture = new LivePicture(maxClosed, maxSurges);
        this.delays = new DelayWindow(delayWindow);
    }

    /**
     * Folds a received event into the picture and pushes the change to every subscriber.
     *
     * @param topic      where it was read
     * @param live       false while re-reading what was published before this process started: such an event was
     *                   not received now, so it says nothing about the information delay
     */
    public synchronized void received(String topic, EventEnvelope event, boolean live) {
        if (live) {
            delays.record(topic, event.type().type(), event.time(), clock.instant());
        }
        LivePicture.Applied applied = picture.apply(event);
        if (applied == null) {
            return;
        }
        if (applied.folded()) {
            // One more link counted on the line before: held until the next change or the next delays, so a
            // surge's thousands of links reach each console as a few changes, not thousands.
            held = applied;
            return;
        }
        pushHeld();
        push(applied);
    }

    private void pushHeld() {
        if (held != null) {
            LivePicture.Applied applied = held;
            held = null;
            push(applied);
        }
    }

    private void push(LivePicture.Applied applied) {
        Change change = new Change(++seq, clock.instant(), applied.activity(), applied.incident(), applied.surge(),
                applied.evictedIncidentId());
        changeLog.addLast(change);
        while (changeLog.size() > changeLogSize) {
            changeLog.removeFirst();
        }
        ChangeMessage message = new ChangeMessage(id(change.seq()), change);
        subscribers.forEach(s -> s.emit(message));
    }

    /** Marks the end of re-reading the topics after a start; snapshots say whether it is still going on. */
    public void caughtUp() {
        replaying = false;
    }

    /** Pushes a held change and the current delays to every subscriber (a heartbeat too). */
    public synchronized void publishDelays() {
        pushHeld();
        DelaysMessage message = new DelaysMessage(delays.percentiles(clock.instant()));
        subscribers.forEach(s -> s.emit(message));
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(id(seq), clock.instant(), replaying, picture.openIncidents(), picture.recentlyClosed(),
                picture.surges(), picture.activity(), delays.percentiles(clock.instant()));
    }

    /**
     * The stream for one browser: the changes after {@code lastEventId} when they are all still known, otherwise a
     * snapshot; then every change as it happens, and the delays now and then.
     */
    public Multi<Message> stream(Optional<String> lastEventId) {
        return Multi.createFrom().emitter(emitter -> {
            synchronized (this) {
                Optional<List<Change>> missed = lastEventId.flatMap(this::changesAfter);
                if (missed.isPresent()) {
                    missed.get().forEach(c -> emitter.emit(new ChangeMessage(id(c.seq()), c)));
                } else {
                    Snapshot snapshot = snapshot();
                    emitter.emit(new SnapshotMessage(snapshot.id(), snapshot));
                }
                subscribers.add(emitter);
            }
            emitter.onTermination(() -> subscribers.remove(emitter));
        });
    }

    private Optional<List<Change>> changesAfter(String lastEventId) {
        int dash = lastEventId.lastIndexOf('-');
        if (dash < 0 || !lastEventId.substring(0, dash).equals(epoch)) {
            return Optional.empty();
        }
        long last;
        try {
            last = Long.parseLong(lastEventId.substring(dash + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        long oldestKept = changeLog.isEmpty() ? seq + 1 : changeLog.peekFirst().seq();
        if (last > seq || last < oldestKept - 1) {
            return Optional.empty();
        }
        List<Change> missed = new ArrayList<>();
        for (Change c : changeLog) {
            if (c.seq() > last) {
                missed.add(c);
            }
        }
        return Optional.of(missed);
    }

    private String id(long sequence) {
        return epoch + "-" + sequence;
    }
}
