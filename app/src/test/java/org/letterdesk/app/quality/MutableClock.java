package org.letterdesk.app.quality;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock a test sets by hand, to script a month in the past; until set (and after a reset) it is the system's. */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> fixed;
    private final ZoneId zone;

    public MutableClock() {
        this(new AtomicReference<>(), ZoneOffset.UTC);
    }

    private MutableClock(AtomicReference<Instant> fixed, ZoneId zone) {
        this.fixed = fixed;
        this.zone = zone;
    }

    public void set(Instant instant) {
        fixed.set(instant);
    }

    /** Back to the system clock. */
    public void reset() {
        fixed.set(null);
    }

    @Override
    public Instant instant() {
        Instant instant = fixed.get();
        return instant != null ? instant : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** Shares the time with this clock, so setting one sets both. */
    @Override
    public Clock withZone(ZoneId zone) {
        return new MutableClock(fixed, zone);
    }
}
