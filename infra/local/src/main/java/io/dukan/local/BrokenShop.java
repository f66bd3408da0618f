package io.dukan.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * A deliberately broken shop build, for showing an upgrade's rollback in the local cloud: a handler that answers
 * every request with a 500. The local cloud writes it into a jar of its own ({@link #writeJar}) and registers it as
 * the version "local-broken", run like any other version in a class loader of its own ({@link IsolatedCode}).
 */
public final class BrokenShop implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(500)
                .withHeaders(Map.of("Content-Type", "text/plain; charset=utf-8"))
                .withBody("This shop build is broken on purpose (the local cloud's local-broken version).");
    }

    /** The jar of this one class (rewritten each time, so it always matches this build). */
    static Path writeJar(Path jar) throws IOException {
        return jarOf(BrokenShop.class, jar);
    }

    /** A jar holding one class (a handler with no dependency but the Lambda runtime's types). */
    static Path jarOf(Class<?> type, Path jar) throws IOException {
        Files.createDirectories(jar.toAbsolutePath().getParent());
        String entry = type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getClassLoader().getResourceAsStream(entry);
                OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file)) {
            if (in == null) {
                throw new IOException("cannot read " + entry + " from the local cloud's classpath");
            }
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
