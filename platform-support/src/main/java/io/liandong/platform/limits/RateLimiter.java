package io.liandong.platform.limits;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per caller key, in this replica's memory. With n replicas behind a balancer a caller
 * gets up to n times its rate in total; the limit is there to stop a runaway client, so that is
 * accepted rather than paying a database round trip per request.
 */
@ApplicationScoped
public class RateLimiter {

    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(Clock clock) {
        this.clock = clock;
    }

    /**
     * Takes one request from {@code key}'s bucket.
     *
     * @throws TooManyRequestsException when the bucket is empty, with the seconds until it holds one again
     */
    public void charge(String key, Rate rate, String who) {
        long now = clock.millis();
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(rate.burst(), now));
        long waitMillis = bucket.take(rate, now);
        if (waitMillis > 0) {
            throw new TooManyRequestsException(who + " made more than " + describe(rate) + "; try again in "
                    + Math.max(1, (waitMillis + 999) / 1000) + " s", (waitMillis + 999) / 1000);
        }
    }

    /** Forgets a caller's bucket, e.g. when its limit changes. */
    public void forget(String key) {
        buckets.remove(key);
    }

    /** Buckets of callers idle long enough to be full again are dropped, so memory follows the active callers. */
    @Scheduled(every = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dropIdle() {
        long now = clock.millis();
        buckets.entrySet().removeIf(e -> e.getValue().idleSince(now) > 600_000);
    }

    private static String describe(Rate rate) {
        return rate.perSecond() >= 1 ? String.format("%.0f requests a second", rate.perSecond())
                : String.format("%.0f requests a minute", rate.perSecond() * 60);
    }

    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        /** 0 if a token was taken, else the milliseconds until one is there. */
        synchronized long take(Rate rate, long now) {
            long elapsed = Math.max(0, now - last);
            tokens = Math.min(rate.burst(), tokens + elapsed * rate.perSecond() / 1000.0);
            last = Math.max(last, now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) * 1000.0 / rate.perSecond());
        }

        synchronized long idleSince(long now) {
            return now - last;
        }
    }
}
