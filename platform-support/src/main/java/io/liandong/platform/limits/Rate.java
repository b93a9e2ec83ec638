package io.liandong.platform.limits;

/** A token bucket's shape: {@code perSecond} tokens added each second, at most {@code burst} kept. */
public record Rate(double perSecond, int burst) {

    public Rate {
        if (!(perSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("a rate needs perSecond > 0 and burst >= 1, not " + perSecond + ", " + burst);
        }
    }

    /** {@code n} requests a minute, all of which may come at once. */
    public static Rate perMinute(int n) {
        return new Rate(n / 60.0, n);
    }
}
