package io.dukan.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.dukan.local.LocalCloud;
import io.dukan.local.LocalStoreFleet;
import io.dukan.local.PackagedRuntime;
import io.dukan.local.client.Http;
import io.dukan.local.client.Stores;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store runtime this module builds (target/store-runtime: bootstrap, the jlink'ed JDK, the runtime interface
 * client, the shop jar, and the AOT cache when the store-runtime profile trained one), run as Lambda runs a custom
 * runtime: the local cloud's store function is a child process executing the real bootstrap against the local
 * Runtime API. Also run beside the cloud on copies of the layer whose cache is corrupt, missing or stale: the store
 * still answers, and the log says why the cache was not used.
 */
class StoreRuntimeIT {

    static final Path LAYER = Path.of(System.getProperty("dukan.runtime.dir", "target/store-runtime"))
            .toAbsolutePath();

    static Path work;
    static LocalCloud cloud;
    static Http http;
    static Stores.Store store;
    static String productName = "Runtime test shawl";

    @BeforeAll
    static void startCloudOnThePackagedRuntime() throws Exception {
        work = Files.createTempDirectory("dukan-runtime-it");
        Training.signupWithoutMail();
        cloud = LocalCloud.start(LocalCloud.Options.defaults()
                .projectRoot(Path.of(System.getProperty("dukan.project.root", "../..")))
                .dataDir(work.resolve("data"))
                .port(0)
                .inMemoryDynamoDb(true)
                .idleTimeout(Duration.ofHours(1))
                .packagedRuntime(new PackagedRuntime(LAYER, work.resolve("logs"), Map.of())));
        http = new Http(cloud.baseUrl());
        Stores stores = new Stores(http);
        store = stores.signup("runtime-it").store();
        Stores.Session owner = stores.login(store);
        stores.addProduct(store, owner, productName, "12.50", 5);
    }

    @AfterAll
    static void stop() {
        if (cloud != null) {
            cloud.close();
        }
        deleteQuietly(work);
    }

    @Test
    void storeFunction_runsOnThePackagedRuntime_andServesItsHomePageWithData() throws Exception {
        // when
        Http.Response home = http.get(store.home(), null);

        // then: the page, with the product read from DynamoDB, came from a JVM of the layer's own JDK
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains(productName);
        List<String> javas = ProcessHandle.current()
                .descendants()
                .map(p -> p.info().command().orElse(""))
                .filter(c -> c.endsWith("/bin/java"))
                .toList();
        assertThat(javas).contains(LAYER.resolve("jre/bin/java").toString());
        String log = Files.readString(work.resolve("logs").resolve(functionName() + ".log"));
        if (Files.isRegularFile(LAYER.resolve(Training.CACHE))) {
            assertThat(log).doesNotContain("WARNING dukan-runtime");
        } else {
            assertThat(log).contains("WARNING dukan-runtime: no AOT cache");
        }
    }

    @Test
    void storeFunction_stillAnswers_whenTheAotCacheIsCorrupt_andTheLogSaysSo() throws Exception {
        // needs the trained layer: in a default build (no cache) this case failed once on an unexplained stamp
        // mismatch (the bootstrap skipped the garbage before the JVM saw it: still a page, but not this test's case)
        assumeTrue(
                Files.isRegularFile(LAYER.resolve(Training.CACHE)),
                "needs the trained cache: mvn -Pstore-runtime -pl infra/runtime -am verify");
        // given: a copy of the layer whose cache is garbage
        Path layer = layerCopy("corrupt", false);
        Files.write(
                layer.resolve(Training.CACHE), "not an AOT cache".repeat(4096).getBytes());

        // when
        String log = homePageOn(layer, "corrupt");

        // then: the JVM refused the cache and said so; the page came anyway (asserted in homePageOn)
        assertThat(log).contains("[aot]").contains("An error has occurred while processing the AOT cache");
        assertThat(log).doesNotContain("WARNING dukan-runtime"); // the bootstrap let it through: the JVM rejected it
    }

    @Test
    void storeFunction_stillAnswers_whenTheAotCacheIsMissing_andTheBootstrapWarns() throws Exception {
        // without a trained cache (the default build) the first test above is this case already: one start saved
        assumeTrue(
                Files.isRegularFile(LAYER.resolve(Training.CACHE)),
                "covered by storeFunction_runsOnThePackagedRuntime_… when the layer has no cache");
        // given
        Path layer = layerCopy("missing", false);
        Files.deleteIfExists(layer.resolve(Training.CACHE));

        // when
        String log = homePageOn(layer, "missing");

        // then
        assertThat(log).contains("WARNING dukan-runtime: no AOT cache at " + layer.resolve(Training.CACHE));
    }

    @Test
    void storeFunction_stillAnswers_whenTheShopJarChangedSinceTheCacheWasMade() throws Exception {
        assumeTrue(
                Files.isRegularFile(LAYER.resolve(Training.CACHE)),
                "needs the trained cache: mvn -Pstore-runtime -pl infra/runtime -am verify");
        // given: the same cache and stamp, but the shop jar is not the one they were made with (one entry more)
        Path layer = layerCopy("stale", true);
        try (FileSystem jar = FileSystems.newFileSystem(layer.resolve("lib/dukan-shop-lambda.jar"))) {
            Files.writeString(jar.getPath("a-newer-build.txt"), "not the jar the cache was made with");
        }

        // when
        String log = homePageOn(layer, "stale");

        // then: JDK 25 would serve the old jar's classes from the cache; the bootstrap did not let it
        assertThat(log)
                .contains("WARNING dukan-runtime: the AOT cache " + layer.resolve(Training.CACHE)
                        + " was made for other jars");
    }

    /** GET /s/{slug}/ on a new instance of the store's function started from {@code layer}; its log. */
    private static String homePageOn(Path layer, String name) throws Exception {
        LocalStoreFleet.StoreFunction function = cloud.fleet().functions().get(store.tenantId());
        Path logs = work.resolve("logs-" + name);
        PackagedRuntime runtime = new PackagedRuntime(layer, logs, Map.of());
        try (PackagedRuntime.Instance instance = runtime.start(
                function.functionName(),
                "io.dukan.shop.ShopFunction::handleRequest",
                function.environment(),
                cloud.storeProperties(function))) {
            APIGatewayProxyResponseEvent page = instance.handleRequest(homeEvent(), null);
            assertThat(page.getStatusCode()).isEqualTo(200);
            assertThat(page.getBody()).contains(productName);
        }
        return Files.readString(logs.resolve(function.functionName() + ".log"));
    }

    private static String functionName() {
        return cloud.fleet().functions().get(store.tenantId()).functionName();
    }

    /**
     * A copy of the layer: bootstrap and the cache copied, jre/ linked, lib/ linked or (when a jar is to change)
     * copied with the jars' times kept.
     */
    private static Path layerCopy(String name, boolean copyLib) throws IOException {
        Path copy = Files.createDirectories(work.resolve("layer-" + name));
        Files.copy(LAYER.resolve("bootstrap"), copy.resolve("bootstrap"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.createSymbolicLink(copy.resolve("jre"), LAYER.resolve("jre"));
        if (copyLib) {
            Files.createDirectories(copy.resolve("lib"));
            try (Stream<Path> jars = Files.list(LAYER.resolve("lib"))) {
                for (Path jar : jars.toList()) {
                    Files.copy(jar, copy.resolve("lib").resolve(jar.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } else {
            Files.createSymbolicLink(copy.resolve("lib"), LAYER.resolve("lib"));
        }
        for (String suffix : List.of("", Training.STAMP)) {
            if (Files.isRegularFile(LAYER.resolve(Training.CACHE + suffix))) {
                Files.copy(LAYER.resolve(Training.CACHE + suffix), copy.resolve(Training.CACHE + suffix));
            }
        }
        return copy;
    }

    /** What {@code bootstrap --stamp} prints for this layer. */
    private static String stampOf(Path layer) throws IOException, InterruptedException {
        Process stamp = new ProcessBuilder(layer.resolve("bootstrap").toString(), "--stamp").start();
        String out = new String(stamp.getInputStream().readAllBytes());
        assertThat(stamp.waitFor()).isZero();
        return out.strip();
    }

    private static APIGatewayProxyRequestEvent homeEvent() {
        String host = cloud.baseUrl().substring("http://".length());
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent();
        event.setResource("/s/{proxy+}");
        event.setPath(store.home());
        event.setHttpMethod("GET");
        event.setHeaders(Map.of("Host", host, "Accept", "text/html"));
        event.setMultiValueHeaders(Map.of("Host", List.of(host), "Accept", List.of("text/html")));
        event.setIsBase64Encoded(false);
        APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        context.setStage("local");
        context.setRequestId("runtime-it");
        context.setHttpMethod("GET");
        context.setPath(store.home());
        APIGatewayProxyRequestEvent.RequestIdentity identity = new APIGatewayProxyRequestEvent.RequestIdentity();
        identity.setSourceIp("127.0.0.1");
        context.setIdentity(identity);
        event.setRequestContext(context);
        return event;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder
        }
    }
}
