package io.dukan.bench;

import io.dukan.local.client.Http;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * N clients calling one operation in a loop: first a warm-up (not measured), then a measured window that all
 * clients start together. Bounded by time and by a count of operations; a client that hangs is abandoned after the
 * window plus the request timeout.
 */
final class Load {

    /** One call; true when the answer was the expected one. Called from {@code clients} threads at once. */
    @FunctionalInterface
    interface Op {
        boolean call(int client) throws Exception;
    }

    /** Latencies of the successful calls, the window's rate of successful calls, and what failed. */
    record Result(Measure latency, Measure rate, int ok, int failed, String firstFailure) {}

    private Load() {}

    static Result run(int clients, Duration warmup, Duration window, int maxOps, Op op) throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(clients);
        AtomicInteger budget = new AtomicInteger(maxOps);
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        AtomicLong windowStart = new AtomicLong();
        AtomicLong windowEnd = new AtomicLong();
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            latencies[c] = new long[Math.max(16, maxOps / clients + 16)];
            Thread thread = new Thread(
                    () -> {
                        long warmEnd = System.nanoTime() + warmup.toNanos();
                        for (int i = 0; i < maxOps && System.nanoTime() < warmEnd; i++) {
                            attempt(op, client, null, null);
                        }
                        try {
                            start.await(warmup.toMillis() + Http.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                        } catch (BrokenBarrierException | TimeoutException | InterruptedException e) {
                            return;
                        }
                        long begin = System.nanoTime();
                        windowStart.compareAndSet(0, begin);
                        long end = begin + window.toNanos();
                        long[] mine = latencies[client];
                        while (System.nanoTime() < end
                                && counts[client] < mine.length
                                && budget.getAndDecrement() > 0) {
                            long t0 = System.nanoTime();
                            if (attempt(op, client, failed, firstFailure)) {
                                mine[counts[client]++] = System.nanoTime() - t0;
                            }
                        }
                        windowEnd.accumulateAndGet(System.nanoTime(), Math::max);
                    },
                    "bench-client-" + c);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        long joinLimit = System.nanoTime() + warmup.toNanos() + window.toNanos() + 2 * Http.TIMEOUT.toNanos();
        for (Thread thread : threads) {
            thread.join(Math.max(1, (joinLimit - System.nanoTime()) / 1_000_000));
            if (thread.isAlive()) {
                thread.interrupt();
                firstFailure.compareAndSet(null, "a client did not finish in time");
            }
        }
        int ok = 0;
        for (int count : counts) {
            ok += count;
        }
        long[] all = new long[ok];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        double seconds = Math.max(1, windowEnd.get() - windowStart.get()) / 1e9;
        return new Result(
                Measure.nanosAsMillis(all, ok),
                Measure.rate("req/s", ok / seconds, ok),
                ok,
                failed.get(),
                firstFailure.get());
    }

    /**
     * One client calling the operations in turn (a, b, c, a, b, c, …), each one's latencies kept apart: figures
     * taken side by side, so drift and other processes' load fall on all of them alike. The warm-up is a number of
     * rounds (bounded by a time limit), so that store instances compared have served as many requests. A rate here
     * is 1 / mean latency: what one client doing only that operation back to back would get.
     */
    static List<Result> interleaved(
            List<Op> ops, int warmupRounds, Duration warmupLimit, Duration window, int maxRounds) {
        int n = ops.size();
        long[][] latencies = new long[n][maxRounds];
        int[] counts = new int[n];
        int[] failed = new int[n];
        String[] firstFailure = new String[n];
        // warm-up by count, so that instances compared have served as many requests when measuring starts
        long warmEnd = System.nanoTime() + warmupLimit.toNanos();
        for (int round = 0; round < warmupRounds && System.nanoTime() < warmEnd; round++) {
            for (Op op : ops) {
                attempt(op, 0, null, null);
            }
        }
        long end = System.nanoTime() + window.toNanos();
        for (int round = 0; round < maxRounds && System.nanoTime() < end; round++) {
            for (int i = 0; i < n; i++) {
                AtomicInteger failures = new AtomicInteger();
                AtomicReference<String> failure = new AtomicReference<>();
                long t0 = System.nanoTime();
                if (attempt(ops.get(i), 0, failures, failure)) {
                    latencies[i][counts[i]++] = System.nanoTime() - t0;
                } else {
                    failed[i] += failures.get();
                    if (firstFailure[i] == null) {
                        firstFailure[i] = failure.get();
                    }
                }
            }
        }
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long sum = 0;
            for (int k = 0; k < counts[i]; k++) {
                sum += latencies[i][k];
            }
            double rate = sum == 0 ? Double.NaN : counts[i] / (sum / 1e9);
            results.add(new Result(
                    Measure.nanosAsMillis(latencies[i], counts[i]),
                    Measure.rate("req/s", rate, counts[i]),
                    counts[i],
                    failed[i],
                    firstFailure[i]));
        }
        return results;
    }

    private static boolean attempt(Op op, int client, AtomicInteger failed, AtomicReference<String> firstFailure) {
        try {
            if (op.call(client)) {
                return true;
            }
            if (failed != null) {
                failed.incrementAndGet();
                firstFailure.compareAndSet(null, "unexpected answer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (failed != null) {
                failed.incrementAndGet();
                firstFailure.compareAndSet(null, e.toString());
            }
        }
        return false;
    }
}
