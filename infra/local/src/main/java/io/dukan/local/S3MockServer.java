package io.dukan.local;

import com.adobe.testing.s3mock.S3MockApplication;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * s3mock (Spring Boot) on a free loopback port, its objects kept under the data folder: it reloads existing buckets
 * from there on start, so a restart keeps every object.
 */
final class S3MockServer implements AutoCloseable {

    private final S3MockApplication application;

    private S3MockServer(S3MockApplication application) {
        this.application = application;
    }

    static S3MockServer start(Path root) throws Exception {
        Files.createDirectories(root);
        // Spring Boot would otherwise re-initialise logback with its own defaults; our logback.xml stays in charge.
        if (System.getProperty("org.springframework.boot.logging.LoggingSystem") == null) {
            System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        }
        Logging.routeJavaUtilLoggingToSlf4j(); // Tomcat logs through java.util.logging
        Map<String, Object> properties = new HashMap<>(Map.of(
                "com.adobe.testing.s3mock.store.root",
                root.toAbsolutePath().toString(),
                "com.adobe.testing.s3mock.store.retain-files-on-exit",
                true,
                "com.adobe.testing.s3mock.store.region",
                LocalNames.REGION,
                "com.adobe.testing.s3mock.region",
                LocalNames.REGION,
                "com.adobe.testing.s3mock.http-port",
                0,
                "server.port",
                0, // s3mock's HTTPS connector: unused, but it must not take a fixed port
                "server.address",
                "127.0.0.1",
                "spring.main.lazy-initialization",
                true,
                "spring.jmx.enabled",
                false));
        properties.put("spring.main.banner-mode", "off");
        // a PUT whose Content-Type says multipart/… is an object like any other (S3 stores its bytes); Spring's
        // multipart parsing would consume it, or fail with a 500 when the boundary is missing. What needs it, the
        // browser form upload (POST Object), cannot reach s3mock through the browser endpoint, which admits
        // presigned URLs only.
        properties.put("spring.servlet.multipart.enabled", false);
        // the local cloud stops s3mock itself, after the functions that use it
        properties.put("spring.main.register-shutdown-hook", false);
        return new S3MockServer(S3MockApplication.start(properties));
    }

    @SuppressWarnings("removal") // the plain-HTTP connector's port; getPort() is the HTTPS one
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + application.getHttpPort());
    }

    @Override
    public void close() {
        application.stop();
    }
}
