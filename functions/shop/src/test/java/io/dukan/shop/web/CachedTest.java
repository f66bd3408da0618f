package io.dukan.shop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dukan.core.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class CachedTest {

    static final Duration TTL = Duration.ofSeconds(30);
    final TestClock clock = new TestClock(Instant.parse("2030-01-01T00:00:00Z"));
    final AtomicInteger loads = new AtomicInteger();

    /** Loads "v1", "v2", … counting the loads. */
    Supplier<String> store() {
        return () -> "v" + loads.incrementAndGet();
    }

    @Test
    void get_loadsOnFirstUse_andNotAgainWithinTheTtl() {
        Cached<String> cached = new Cached<>(clock, TTL, store());

        String first = cached.get();
        clock.advance(TTL);
        String atTheTtl = cached.get();

        assertThat(List.of(first, atTheTtl)).containsExactly("v1", "v1");
        assertThat(loads).hasValue(1);
    }

    @Test
    void get_loadsAgain_onceTheCopyIsOlderThanTheTtl() {
        Cached<String> cached = new Cached<>(clock, TTL, store());
        cached.get();

        clock.advance(TTL.plusMillis(1));

        assertThat(cached.get()).isEqualTo("v2");
        assertThat(loads).hasValue(2);
    }

    @Test
    void get_loadsAgain_whenTheClockWasSetBack() {
        Cached<String> cached = new Cached<>(clock, TTL, store());
        cached.get();

        clock.advance(Duration.ofSeconds(-1));

        assertThat(cached.get()).isEqualTo("v2");
    }

    @Test
    void replace_isSeenAtOnce_withoutALoad_andKeptForTheTtl() {
        Cached<String> cached = new Cached<>(clock, TTL, store());
        cached.get();

        cached.replace("saved");
        String next = cached.get();
        clock.advance(TTL);
        String atTheTtl = cached.get();

        assertThat(List.of(next, atTheTtl)).containsExactly("saved", "saved");
        assertThat(loads).hasValue(1);
    }

    @Test
    void replace_beforeFirstUse_meansNoLoadAtAll() {
        Cached<String> cached = new Cached<>(clock, TTL, store());

        cached.replace("saved");

        assertThat(cached.get()).isEqualTo("saved");
        assertThat(loads).hasValue(0);
    }

    @Test
    void forget_makesTheNextUseReadAnew() {
        Cached<String> cached = new Cached<>(clock, TTL, store());
        cached.get();

        cached.forget();

        assertThat(cached.get()).isEqualTo("v2");
        assertThat(cached.get()).isEqualTo("v2");
        assertThat(loads).hasValue(2);
    }

    @Test
    void aSaveWhileAReadRuns_winsOverWhatTheReadFound() {
        Deque<Cached<String>> self = new ArrayDeque<>();
        Cached<String> cached = new Cached<>(clock, TTL, () -> {
            self.peek().replace("saved meanwhile"); // another request saves while this one reads the old value
            return "read before the save";
        });
        self.push(cached);

        String duringTheSave = cached.get();
        String next = cached.get();

        assertThat(duringTheSave).isEqualTo("read before the save");
        assertThat(next).isEqualTo("saved meanwhile");
    }

    @Test
    void aChangeWhileAReadRuns_makesTheNextUseReadAgain() {
        Deque<Cached<String>> self = new ArrayDeque<>();
        AtomicInteger reads = new AtomicInteger();
        Cached<String> cached = new Cached<>(clock, TTL, () -> {
            if (reads.incrementAndGet() == 1) {
                self.peek().forget(); // the owner changes it while this request reads the old value
                return "read before the change";
            }
            return "read after the change";
        });
        self.push(cached);

        cached.get();

        assertThat(cached.get()).isEqualTo("read after the change");
    }

    @Test
    void aFailedLoad_keepsNothing_andTheNextUseTriesAgain() {
        AtomicInteger tries = new AtomicInteger();
        Cached<String> cached = new Cached<>(clock, TTL, () -> {
            if (tries.incrementAndGet() == 1) {
                throw new IllegalStateException("DynamoDB unavailable");
            }
            return "loaded";
        });

        assertThatThrownBy(cached::get).hasMessage("DynamoDB unavailable");
        assertThat(cached.get()).isEqualTo("loaded");
        assertThat(tries).hasValue(2);
    }
}
