package io.dukan.shop.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One value a function instance keeps instead of reading it on every request: read on first use, read again once
 * older than its TTL, replaced at once when this instance saves a new one ({@link #replace}), dropped when this
 * instance changed what it is read from ({@link #forget}: the next request reads it anew). Other instances of the
 * store's function hold their own copy: they see a change when it expires, so within the TTL.
 * A failed read keeps nothing (the next request tries again).
 */
public final class Cached<T> {

    /** A copy and when it was read (value null: none). Compared by identity: each change is a new object. */
    private record Held<T>(T value, long readAtMillis) {}

    private final Clock clock;
    private final long ttlMillis;
    private final Supplier<T> read;
    private final AtomicReference<Held<T>> held = new AtomicReference<>(new Held<>(null, 0));

    public Cached(Clock clock, Duration ttl, Supplier<T> read) {
        this.clock = clock;
        this.ttlMillis = ttl.toMillis();
        this.read = read;
    }

    public T get() {
        Held<T> current = held.get();
        long now = clock.millis();
        long age = now - current.readAtMillis();
        if (current.value() != null && age >= 0 && age <= ttlMillis) { // a clock set back counts as expired
            return current.value();
        }
        T fresh = Objects.requireNonNull(read.get());
        // kept unless this instance saved or changed it meanwhile: that change wins over what this read found
        held.compareAndSet(current, new Held<>(fresh, now));
        return fresh;
    }

    /** The value just saved on this instance: the next request sees it without a read. */
    public void replace(T saved) {
        held.set(new Held<>(Objects.requireNonNull(saved), clock.millis()));
    }

    /** What the value is read from changed on this instance: the next request reads it anew. */
    public void forget() {
        held.set(new Held<>(null, 0));
    }
}
