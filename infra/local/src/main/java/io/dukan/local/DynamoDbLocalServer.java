package io.dukan.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/** DynamoDB Local as an HTTP server on a free port, its data in one shared database file (or in memory). */
@SuppressWarnings("try") // close() declares Exception, as DynamoDBProxyServer.stop() does
final class DynamoDbLocalServer implements AutoCloseable {

    private final DynamoDBProxyServer server;
    private final int port;

    private DynamoDbLocalServer(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts the server; {@code dataDir} null keeps everything in memory (tests). */
    static DynamoDbLocalServer start(Path dataDir) throws Exception {
        Exception last = null;
        for (int attempt = 0; attempt < 3; attempt++) { // a free port can be taken between probe and bind
            int port = freePort();
            List<String> args = new ArrayList<>();
            if (dataDir == null) {
                args.add("-inMemory");
            } else {
                Files.createDirectories(dataDir);
                args.addAll(List.of("-dbPath", dataDir.toAbsolutePath().toString(), "-sharedDb"));
            }
            args.addAll(List.of("-port", String.valueOf(port), "-disableTelemetry"));
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
            try {
                server.start();
                return new DynamoDbLocalServer(server, port);
            } catch (Exception e) {
                last = e;
                stopQuietly(server);
            }
        }
        throw last;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Required: DynamoDB Local leaves non-daemon threads that keep the JVM alive. */
    @Override
    public void close() throws Exception {
        server.stop();
    }

    private static void stopQuietly(DynamoDBProxyServer server) {
        try {
            server.stop();
        } catch (Exception ignored) {
            // it did not start
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
