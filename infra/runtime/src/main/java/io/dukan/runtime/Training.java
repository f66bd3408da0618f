package io.dukan.runtime;

import io.dukan.local.LocalCloud;
import io.dukan.local.PackagedRuntime;
import io.dukan.local.client.Http;
import io.dukan.local.client.Stores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The package-time training run that makes the store runtime's AOT cache (JEP 483/514/515): the local cloud (DynamoDB
 * Local, s3mock, the platform's functions) with store functions on the packaged runtime itself, its bootstrap told
 * to record ({@code DUKAN_AOT_TRAIN}: {@code -XX:AOTCacheOutput}); a store signed up, then the pages a store serves
 * in its first minutes (home, product, cart, checkout and order, admin sign-in, products, orders) a few rounds; the
 * local cloud closed, which ends the store's JVM (SIGTERM), which writes the cache. Then the layer's size is checked
 * against Lambda's 250 MB unzipped limit.
 *
 * <p>Arguments: {@code --layer=DIR} (the unpacked layer: bootstrap, jre/, lib/), {@code --project-root=DIR}.
 */
public final class Training {

    /** The cache's name in the layer, where the bootstrap looks for it. */
    public static final String CACHE = "dukan-shop.aot";
    /** Lambda's limit on a function's unzipped code and layers together. */
    static final long LAMBDA_UNZIPPED_LIMIT = 250L * 1024 * 1024;

    /** Beside the cache: the jars' and the module image's names and sizes, as `bootstrap --stamp` prints them. */
    public static final String STAMP = ".stamp";
    /** Beside the cache: their SHA-256, in sha256sum's format, checked by each build (assemble.sh). */
    public static final String SHA256 = ".sha256";

    static final int ROUNDS = 3;

    private Training() {}

    public static void main(String[] args) throws Exception {
        Path layer = null;
        Path projectRoot = Path.of(".");
        for (String arg : args) {
            if (arg.startsWith("--layer=")) {
                layer = Path.of(arg.substring("--layer=".length()));
            } else if (arg.startsWith("--project-root=")) {
                projectRoot = Path.of(arg.substring("--project-root=".length()));
            } else {
                throw new IllegalArgumentException(
                        "unknown argument " + arg + "; expected --layer=DIR --project-root=DIR");
            }
        }
        if (layer == null) {
            throw new IllegalArgumentException("--layer=DIR is required");
        }
        long start = System.nanoTime();
        Path cache = train(
                layer.toAbsolutePath().normalize(), projectRoot.toAbsolutePath().normalize());
        long seconds = Math.round((System.nanoTime() - start) / 1e9);
        long size = size(layer);
        System.out.printf(
                "AOT training run: %d s; cache %s (%.1f MB); layer unzipped %.1f MB of Lambda's 250 MB%n",
                seconds, cache, Files.size(cache) / 1048576.0, size / 1048576.0);
        // for the bench's report (infra/bench, section 1c)
        Files.writeString(
                layer.toAbsolutePath().resolveSibling("store-runtime-training.txt"),
                String.format(
                        "%d s (a local cloud started, a store signed up, %d rounds of its pages on the runtime, the"
                                + " cache assembled); cache %.1f MB; layer unzipped %.1f MB%n",
                        seconds, ROUNDS, Files.size(cache) / 1048576.0, size / 1048576.0));
        if (size > LAMBDA_UNZIPPED_LIMIT) {
            throw new IllegalStateException("the store runtime layer is " + size / 1048576 + " MB unzipped, over "
                    + "Lambda's 250 MB limit for a function's code and layers together");
        }
        System.exit(0); // DynamoDB Local and s3mock leave non-daemon threads behind
    }

    /**
     * Signups open a store at once, without the mailed link, and no signup limit stops a run that signs up from
     * 127.0.0.1 (system properties the local cloud's functions read, as the bench sets them).
     */
    static void signupWithoutMail() {
        System.setProperty("dukan.signup.email-verification", "false");
        System.setProperty("dukan.signup.per-address", "10000000");
        System.setProperty("dukan.signup.per-email", "10000000");
        System.setProperty("dukan.signup.platform-rate", "10000000");
    }

    /** Runs the training; returns the cache, moved into the layer. */
    static Path train(Path layer, Path projectRoot) throws Exception {
        signupWithoutMail();
        Path work = Files.createTempDirectory("dukan-aot-training");
        Path output = work.resolve(CACHE);
        Path target = layer.resolve(CACHE);
        for (String suffix : List.of("", STAMP, SHA256)) { // the training JVM must not load an older cache
            Files.deleteIfExists(layer.resolve(CACHE + suffix));
        }
        PackagedRuntime runtime =
                new PackagedRuntime(layer, work.resolve("logs"), Map.of("DUKAN_AOT_TRAIN", output.toString()));
        try (LocalCloud cloud = LocalCloud.start(LocalCloud.Options.defaults()
                .projectRoot(projectRoot)
                .dataDir(work.resolve("data"))
                .port(0)
                .inMemoryDynamoDb(true)
                .idleTimeout(Duration.ofHours(1))
                .packagedRuntime(runtime))) {
            exercise(new Http(cloud.baseUrl()));
        } // closing the cloud ends the store's JVM, which writes the cache at exit
        if (!Files.isRegularFile(output) || Files.size(output) == 0) {
            throw new IllegalStateException("the training run wrote no AOT cache at " + output + "; see the store's log"
                    + " in " + work.resolve("logs"));
        }
        Files.move(output, target, StandardCopyOption.REPLACE_EXISTING);
        // what the bootstrap checks at every start (names and sizes; it wrote this when the training JVM started)
        Files.move(work.resolve(CACHE + STAMP), layer.resolve(CACHE + STAMP), StandardCopyOption.REPLACE_EXISTING);
        // what the build checks before it keeps the cache beside newer jars (assemble.sh: sha256sum -c)
        Files.writeString(layer.resolve(CACHE + SHA256), checksums(layer));
        deleteQuietly(work);
        return target;
    }

    /** What a store's function does in its first minutes, {@link #ROUNDS} times. */
    static void exercise(Http http) throws IOException, InterruptedException {
        Stores stores = new Stores(http);
        Stores.Store store = stores.signup("aot-training").store();
        Stores.Session owner = stores.login(store);
        for (int i = 1; i <= 3; i++) {
            stores.addProduct(store, owner, "Training product " + i, "12.50", 1_000);
        }
        List<String> products = stores.productIds(store);
        String base = "/s/" + store.slug();
        for (int round = 0; round < ROUNDS; round++) {
            expect(http.get(base + "/", null), 200);
            for (String product : products) {
                Stores.Session shopper = stores.shopper(store, product);
                stores.order(store, shopper, product);
                expect(http.get(base + "/cart", shopper.cookieHeader()), 200);
            }
            stores.open(owner, base + "/admin", 200);
            stores.open(owner, base + "/admin/products", 200);
            stores.open(owner, base + "/admin/orders", 200);
            stores.open(owner, base + "/admin/products/new", 200);
            expect(http.get(base + "/no-such-page", null), 404);
        }
    }

    private static void expect(Http.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("training: expected " + status + ", got " + response.status() + ": "
                    + Stores.excerpt(response.body()));
        }
    }

    /** "{sha256}  lib/x.jar" lines for every jar and jre/lib/modules, as sha256sum writes them. */
    static String checksums(Path layer) throws IOException {
        StringBuilder lines = new StringBuilder();
        List<Path> files;
        try (Stream<Path> jars = Files.list(layer.resolve("lib"))) {
            files = new java.util.ArrayList<>(
                    jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList());
        }
        files.add(layer.resolve("jre/lib/modules"));
        for (Path file : files) {
            java.security.MessageDigest sha;
            try {
                sha = java.security.MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            try (java.io.InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[1 << 16];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    sha.update(buffer, 0, n);
                }
            }
            lines.append(java.util.HexFormat.of().formatHex(sha.digest()))
                    .append("  ")
                    .append(layer.relativize(file))
                    .append('\n');
        }
        return lines.toString();
    }

    static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(f -> {
                        try {
                            return Files.size(f);
                        } catch (IOException e) {
                            return 0;
                        }
                    })
                    .sum();
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder
        }
    }
}
