package io.dukan.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A store function instance on the packaged store runtime (infra/runtime: the jlink'ed JDK, the runtime interface
 * client, the shop jar and its AOT cache, as the Lambda layer holds them), run as Lambda runs a custom runtime: a
 * child process executing the layer's {@code bootstrap}, with the function's environment and
 * {@code AWS_LAMBDA_RUNTIME_API} pointing at a {@link LocalRuntimeApi} of its own. Each invocation is the API
 * Gateway event as JSON through that API. Opt-in ({@code -Dlocal.runtime=packaged}); the in-process instances stay
 * the default.
 */
public final class PackagedRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(PackagedRuntime.class);
    static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** The first invocation includes the JVM's start: more time than a warm request's 29 s on a loaded machine. */
    static final Duration FIRST_INVOCATION_TIMEOUT = Duration.ofSeconds(120);

    /** {@code -Dlocal.runtime=packaged}: store functions run on the packaged runtime. */
    public static final String MODE_PROPERTY = "local.runtime";
    /** {@code -Dlocal.runtime.dir=…}: the unpacked layer (default infra/runtime/target/store-runtime). */
    public static final String DIR_PROPERTY = "local.runtime.dir";

    private final Path layer;
    private final Path logDir;
    private final Map<String, String> extraEnvironment;

    /**
     * @param layer            the unpacked layer (what Lambda puts in /opt): bootstrap, jre/, lib/, the AOT cache
     * @param logDir           where each instance's output goes ({function}.log)
     * @param extraEnvironment added to every instance's environment (e.g. DUKAN_AOT_CACHE_OUTPUT for a training run)
     */
    public PackagedRuntime(Path layer, Path logDir, Map<String, String> extraEnvironment) {
        this.layer = layer.toAbsolutePath().normalize();
        this.logDir = logDir;
        this.extraEnvironment = Map.copyOf(extraEnvironment);
        if (!Files.isExecutable(this.layer.resolve("bootstrap"))) {
            throw new IllegalStateException("no packaged store runtime at " + this.layer + " (build it: mvn -B -pl "
                    + "infra/runtime -am package -DskipTests, or set -D" + DIR_PROPERTY + ")");
        }
    }

    /** The layer named by the system properties, or null when store functions run in-process (the default). */
    static PackagedRuntime fromSystemProperties(Path projectRoot, Path dataDir) {
        if (!"packaged".equals(System.getProperty(MODE_PROPERTY))) {
            return null;
        }
        String dir = System.getProperty(DIR_PROPERTY);
        Path layer =
                dir == null || dir.isBlank() ? projectRoot.resolve("infra/runtime/target/store-runtime") : Path.of(dir);
        return new PackagedRuntime(layer, dataDir.resolve("runtime-logs"), Map.of());
    }

    public Path layer() {
        return layer;
    }

    /**
     * Starts an instance: the bootstrap as a child process (a cold start; it answers once the first event comes).
     *
     * @param environment the function's environment variables, as CreateFunction sets them
     * @param properties  the local cloud's Micronaut properties, passed as environment variables (dukan.table →
     *                    DUKAN_TABLE), as Lambda can only pass environment variables
     */
    public Instance start(String functionName, String handler, Map<String, ?> environment, Map<String, ?> properties)
            throws IOException {
        Map<String, String> variables = new LinkedHashMap<>();
        properties.forEach((name, value) -> variables.put(environmentName(name), String.valueOf(value)));
        environment.forEach((name, value) -> variables.put(name, String.valueOf(value)));
        // the runtime's bootstrap chooses the JVM flags (the ones its AOT cache was made with)
        variables.remove("JAVA_TOOL_OPTIONS");
        variables.putAll(extraEnvironment);
        return new Instance(functionName, handler, variables);
    }

    /** dukan.endpoints.dynamodb → DUKAN_ENDPOINTS_DYNAMODB (Micronaut maps it back). */
    static String environmentName(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** One instance: a child process and its runtime API; a Lambda RequestHandler to the local cloud. */
    public final class Instance
            implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>, AutoCloseable {

        private final String functionName;
        private final LocalRuntimeApi api;
        private final Process process;
        private final Path log;
        private boolean answeredOnce;

        Instance(String functionName, String handler, Map<String, String> variables) throws IOException {
            this.functionName = functionName;
            this.api = new LocalRuntimeApi();
            Files.createDirectories(logDir);
            this.log = logDir.resolve(functionName + ".log");
            Path taskRoot = Files.createDirectories(logDir.resolve("task-" + functionName));
            List<String> command =
                    new ArrayList<>(List.of(layer.resolve("bootstrap").toString()));
            ProcessBuilder builder = new ProcessBuilder(command).directory(taskRoot.toFile());
            Map<String, String> env = builder.environment();
            String path = env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
            env.clear(); // Lambda's environment, nothing of this JVM's
            env.put("PATH", path);
            env.put("LANG", "en_US.UTF-8");
            env.put("TZ", ":UTC");
            env.put("AWS_LAMBDA_RUNTIME_API", api.address());
            env.put("_HANDLER", handler);
            env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
            env.put("LAMBDA_RUNTIME_DIR", layer.toString());
            env.put("AWS_LAMBDA_FUNCTION_NAME", functionName);
            env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
            env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(LocalLambdaContext.MEMORY_MB));
            env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + functionName);
            env.put("AWS_LAMBDA_LOG_STREAM_NAME", "local");
            env.put("AWS_REGION", LocalNames.REGION);
            env.put("AWS_DEFAULT_REGION", LocalNames.REGION);
            env.put("AWS_ACCESS_KEY_ID", LocalCloud.LOCAL_CREDENTIAL);
            env.put("AWS_SECRET_ACCESS_KEY", LocalCloud.LOCAL_CREDENTIAL);
            env.putAll(variables);
            builder.redirectErrorStream(true);
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            this.process = builder.start();
            process.onExit()
                    .thenRun(() -> api.failAll("the runtime process of " + functionName + " exited ("
                            + process.exitValue() + "); see " + log));
            LOG.info("started {} on the packaged runtime {} (pid {}, log {})", functionName, layer, process.pid(), log);
        }

        public long pid() {
            return process.pid();
        }

        public Path log() {
            return log;
        }

        @Override
        public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
            try {
                byte[] request = JSON.writeValueAsBytes(event);
                Duration timeout;
                synchronized (this) {
                    timeout = answeredOnce
                            ? Duration.ofMillis(LocalLambdaContext.TIMEOUT_MILLIS)
                            : FIRST_INVOCATION_TIMEOUT;
                }
                byte[] answer = api.invoke(
                        request,
                        "arn:aws:lambda:" + LocalNames.REGION + ":000000000000:function:" + functionName,
                        timeout);
                synchronized (this) {
                    answeredOnce = true;
                }
                return JSON.readValue(answer, APIGatewayProxyResponseEvent.class);
            } catch (IOException e) {
                throw new IllegalStateException("invocation of " + functionName + " failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while " + functionName + " ran", e);
            } catch (TimeoutException e) {
                throw new IllegalStateException(functionName + " did not answer in time; see " + log, e);
            }
        }

        /** Ends the process as Lambda ends an idle instance (SIGTERM; an AOT training run writes its cache then). */
        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            } finally {
                api.close();
            }
        }
    }
}
