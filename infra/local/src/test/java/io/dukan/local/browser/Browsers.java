package io.dukan.local.browser;

import io.dukan.local.LocalCloud;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** What every browser test shares: Debian's Chromium and chromedriver, a local cloud of its own, temp folders. */
final class Browsers {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browsers() {}

    /** Skips the test on a developer machine without Chromium; fails it under CI=true, where it must run. */
    static void requireChromium() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String message = "the browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
                + ": install them with `apt-get install -y chromium chromium-driver`";
        if ("true".equals(String.valueOf(System.getenv("CI")).toLowerCase(Locale.ROOT))) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
    }

    /** A local cloud on a free port with in-memory DynamoDB, reading this checkout's template.yaml. */
    static LocalCloud startCloud(Path dataDir) throws Exception {
        Path root = Path.of(System.getProperty("dukan.project.root", "../.."))
                .toAbsolutePath()
                .normalize();
        return LocalCloud.start(LocalCloud.Options.defaults()
                .projectRoot(root)
                .dataDir(dataDir)
                .port(0)
                .inMemoryDynamoDb(true));
    }

    static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a temp folder left behind is harmless
        }
    }
}
