package io.dukan.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a run does. Quick mode checks that every measurement works in a couple of minutes; the full run's sizes
 * are the ones issue 6 names (1,000 stores, 10,000 products, 100 loaded instances) and fit in about ten minutes on
 * two cores. Every loop is bounded both by these counts and by time.
 */
record BenchOptions(
        Path projectRoot,
        Path shopJar,
        Path out,
        boolean quick,
        int coldRuns,
        int newStores,
        Duration warmup,
        Duration window,
        int maxOpsPerWindow,
        int warmupRounds,
        Duration warmupLimit,
        int clients,
        int scaleStores,
        int scaleProducts,
        int loadedInstances,
        Duration scaleSignupBudget,
        Set<String> only,
        Path baselineJar,
        List<String> childFlags,
        int platformStores,
        Duration platformBudget) {

    /** The phases {@code --only} may name; without it every phase runs. */
    static final Set<String> PHASES = Set.of(
            "warm",
            "stores",
            "cold",
            "aot",
            "provisioning",
            "checkout",
            "products",
            "memory",
            "scale",
            "requests",
            "insight");

    /** Section 8's store count ({@code --scale-stores}, issue 11): 10,000 in a full run, 200 in a quick one. */
    static final int PLATFORM_STORES = 10_000;

    static final int QUICK_PLATFORM_STORES = 200;

    /** Whether a phase runs: all do without {@code --only}; with it, the ones named (and what they need). */
    boolean runs(String phase) {
        return only.isEmpty() || only.contains(phase);
    }

    static BenchOptions parse(String... args) {
        Path root = Path.of(".");
        Path shopJar = null;
        Path out = null;
        boolean quick = false;
        Set<String> only = new TreeSet<>();
        Path baselineJar = null;
        List<String> childFlags = List.of();
        Integer platformStores = null;
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "true";
            switch (name) {
                case "--project-root" -> root = Path.of(value);
                case "--shop-jar" -> shopJar = Path.of(value);
                case "--out" -> out = Path.of(value);
                case "--quick" -> quick = value.isBlank() || Boolean.parseBoolean(value);
                case "--baseline-jar" -> baselineJar = value.isBlank() ? null : Path.of(value);
                case "--child-flags" ->
                    childFlags = Arrays.stream(value.split(" "))
                            .map(String::strip)
                            .filter(v -> !v.isEmpty())
                            .toList();
                case "--scale-stores" -> platformStores = value.isBlank() ? null : Integer.valueOf(value.strip());
                case "--only" ->
                    Arrays.stream(value.split(","))
                            .map(String::strip)
                            .filter(v -> !v.isEmpty())
                            .forEach(only::add);
                default ->
                    throw new IllegalArgumentException(
                            "unknown option " + arg
                                    + "; expected --project-root=DIR --shop-jar=FILE --out=FILE [--quick=true] [--only=cold,warm,...] [--baseline-jar=FILE] [--scale-stores=N] [--child-flags=\"-Xlog:… …\"]");
            }
        }
        if (!PHASES.containsAll(only)) {
            throw new IllegalArgumentException("--only takes some of " + new TreeSet<>(PHASES) + ", got " + only);
        }
        // what a phase needs: the 6a comparison needs section 3's figures; memory needs the children and the stores
        if (only.contains("memory")) {
            only.add("cold");
            only.add("stores");
        }
        if (only.contains("stores")) {
            only.add("warm");
        }
        // section 8 reports the AWS requests per signup beside its signups
        if (only.contains("scale")) {
            only.add("requests");
        }
        root = root.toAbsolutePath().normalize();
        if (shopJar == null) {
            shopJar = root.resolve("functions/shop/target/dukan-shop-lambda.jar");
        }
        if (out == null) {
            out = root.resolve("infra/bench/target/bench-results.txt");
        }
        int platform = platformStores != null ? platformStores : quick ? QUICK_PLATFORM_STORES : PLATFORM_STORES;
        if (platform < 20) {
            throw new IllegalArgumentException("--scale-stores must be at least 20 (it is compared with 10 stores)");
        }
        return quick
                ? new BenchOptions(
                        root,
                        shopJar,
                        out,
                        true,
                        2,
                        3,
                        Duration.ofMillis(700),
                        Duration.ofMillis(1500),
                        50_000,
                        150,
                        Duration.ofSeconds(15),
                        4,
                        50,
                        500,
                        25,
                        Duration.ofSeconds(90),
                        Set.copyOf(only),
                        baselineJar,
                        childFlags,
                        platform,
                        Duration.ofSeconds(180))
                : new BenchOptions(
                        root,
                        shopJar,
                        out,
                        false,
                        5,
                        10,
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(5),
                        200_000,
                        600,
                        Duration.ofSeconds(60),
                        4,
                        1_000,
                        10_000,
                        100,
                        Duration.ofSeconds(300),
                        Set.copyOf(only),
                        baselineJar,
                        childFlags,
                        platform,
                        Duration.ofMinutes(30));
    }
}
