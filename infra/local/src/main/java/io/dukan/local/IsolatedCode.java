package io.dukan.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A shop-code version other than the local cloud's own: a jar (the shaded shop jar of another build, or any Lambda
 * handler) loaded in a class loader of its own, which sees nothing of the local cloud's classpath but the Lambda
 * runtime's interfaces and events (so its handler is called as the in-process one is). Two versions of the shop so
 * run side by side in one JVM, each store's function on the code recorded for it.
 *
 * <p>An artifact is {@code /path/to/code.jar!a.b.Handler} (the handler class; without it, the shop's handler). A
 * handler with a public {@code (io.micronaut.context.ApplicationContextBuilder)} constructor (a Micronaut function,
 * as the shop's is) gets a builder of its own class loader with the store's properties; any other needs a public
 * no-argument constructor. One class loader per jar, shared by the store functions running it, as the local cloud's
 * own classes are shared by the in-process ones.
 */
final class IsolatedCode {

    private static final Logger LOG = LoggerFactory.getLogger(IsolatedCode.class);
    static final String SHOP_HANDLER = "io.dukan.shop.ShopFunction";
    /** What the isolated code shares with the local cloud: the types a handler is called with. */
    private static final String SHARED = "com.amazonaws.services.lambda.runtime.";

    private static final Map<Path, ClassLoader> LOADERS = new ConcurrentHashMap<>();

    private IsolatedCode() {}

    record Artifact(Path jar, String handler) {}

    static Artifact parse(String artifact) {
        int bang = artifact.lastIndexOf('!');
        String jar = bang < 0 ? artifact : artifact.substring(0, bang);
        String handler = bang < 0 ? SHOP_HANDLER : artifact.substring(bang + 1).strip();
        if (handler.contains("::")) {
            handler = handler.substring(0, handler.indexOf("::"));
        }
        if (!handler.matches("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)+")) {
            throw new IllegalArgumentException("not a handler class name: " + handler);
        }
        return new Artifact(Path.of(jar.strip()).toAbsolutePath().normalize(), handler);
    }

    /** The jars loaded so far (each in its own class loader). */
    static java.util.Set<Path> loaded() {
        return java.util.Set.copyOf(LOADERS.keySet());
    }

    /** Fails unless the artifact names a readable jar (what a deploy checks before it changes anything). */
    static void check(String artifact) {
        Artifact a = parse(artifact);
        if (!Files.isRegularFile(a.jar()) || !Files.isReadable(a.jar())) {
            throw new IllegalArgumentException("no shop code at " + a.jar());
        }
    }

    /** A new instance of the artifact's handler (a cold start), with the store's properties. */
    @SuppressWarnings("unchecked")
    static RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> start(
            String artifact, Map<String, Object> properties) throws Exception {
        Artifact a = parse(artifact);
        check(artifact);
        ClassLoader loader = LOADERS.computeIfAbsent(a.jar(), IsolatedCode::loader);
        Class<?> type = Class.forName(a.handler(), true, loader);
        if (!RequestHandler.class.isAssignableFrom(type)) {
            throw new IllegalStateException(a.handler() + " in " + a.jar() + " is not a Lambda RequestHandler");
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Object handler;
            Constructor<?> micronaut = micronautConstructor(type, loader);
            if (micronaut != null) {
                Class<?> contextType = Class.forName("io.micronaut.context.ApplicationContext", true, loader);
                Class<?> builderType = micronaut.getParameterTypes()[0];
                Object builder = contextType.getMethod("builder").invoke(null);
                Method deduce = builderType.getMethod("deduceEnvironment", Boolean.class);
                deduce.invoke(builder, Boolean.FALSE);
                Method props = builderType.getMethod("properties", Map.class);
                props.invoke(builder, Map.copyOf(properties));
                handler = micronaut.newInstance(builder);
            } else {
                handler = type.getConstructor().newInstance();
            }
            return inItsOwnLoader(
                    (RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>) handler, loader);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Each request runs with the code's class loader as the thread's context class loader, as Lambda runs a function:
     * what the code loads through it (jte's precompiled templates, made on first use) comes from its own jar, not
     * from the local cloud's classpath (which holds the in-process shop's classes of the same names).
     */
    private static RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> inItsOwnLoader(
            RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler, ClassLoader loader) {
        return new InItsOwnLoader(handler, loader);
    }

    /** The handler, called with its loader as context class loader; closing it closes the handler (its context). */
    private record InItsOwnLoader(
            RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler, ClassLoader loader)
            implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>, AutoCloseable {

        @Override
        public APIGatewayProxyResponseEvent handleRequest(
                APIGatewayProxyRequestEvent event, com.amazonaws.services.lambda.runtime.Context context) {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                return handler.handleRequest(event, context);
            } finally {
                thread.setContextClassLoader(previous);
            }
        }

        @Override
        public void close() throws Exception {
            if (handler instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    private static Constructor<?> micronautConstructor(Class<?> type, ClassLoader loader) {
        try {
            Class<?> builderType = Class.forName("io.micronaut.context.ApplicationContextBuilder", false, loader);
            return type.getConstructor(builderType);
        } catch (ClassNotFoundException | NoSuchMethodException notMicronaut) {
            return null;
        }
    }

    private static ClassLoader loader(Path jar) {
        try {
            LOG.info("loading shop code from {} in a class loader of its own", jar);
            return new ChildFirst(new URL[] {jar.toUri().toURL()}, IsolatedCode.class.getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jar's classes before anything else; the Lambda runtime's types from the local cloud. */
    private static final class ChildFirst extends URLClassLoader {

        static {
            registerAsParallelCapable();
        }

        private final ClassLoader shared;

        ChildFirst(URL[] urls, ClassLoader shared) {
            super(urls, ClassLoader.getPlatformClassLoader());
            this.shared = shared;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith(SHARED)) {
                return shared.loadClass(name);
            }
            return super.loadClass(name, resolve);
        }
    }
}
