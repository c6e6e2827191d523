package dev.custflow.connectors.jdbc;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.time.InstantSource;

/** A clock the test moves by hand, shared by relays so lease expiry is decided by the test, not by time passing. */
final class FakeClock implements InstantSource {
    private final AtomicLong millis = new AtomicLong(Instant.parse("2025-03-03T09:00:00Z").toEpochMilli());

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.get());
    }

    @Override
    public long millis() {
        return millis.get();
    }

    void advance(Duration d) {
        millis.addAndGet(d.toMillis());
    }
}
