package io.dukan.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cold starts in new processes: {@code java [flags] -cp … main args}, timed by the child (its own start instant to
 * the answer) and by this process (spawn to the READY line), then the child's peak RSS read from /proc while it
 * waits, and the child let go.
 */
final class ColdStarts {

    /** One way to start a child: a name, the JVM flags, the classpath, the main class and its arguments. */
    record Launch(String name, List<String> flags, String classpath, String mainClass, List<String> arguments) {}

    /**
     * One cold start: the child's own figures (from its start in /proc to its handler built, and to the answer),
     * the latter again from ProcessHandle's start instant, the parent's wall time, the child's peak RSS (MB).
     */
    record Run(double initMillis, double ownMillis, double handleMillis, double wallMillis,
            double peakRssMegabytes) {}

    static final long TIMEOUT_SECONDS = 60;
    private static final Pattern READY = Pattern.compile(
            "READY initMillis=(-?\\d+) ownMillis=(-?\\d+) handleMillis=(-?\\d+) status=(\\d+) bytes=(\\d+)"
                    + " found=(true|false)");

    private final Path logDir;
    private final String java;

    ColdStarts(Path logDir) throws IOException {
        this.logDir = Files.createDirectories(logDir);
        this.java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    Run run(Launch launch, int index) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(launch.flags());
        command.add("-cp");
        command.add(launch.classpath());
        command.add(launch.mainClass());
        command.addAll(launch.arguments());
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        // only the flags named here: nothing inherited may change how the JVM starts
        environment.remove("JAVA_TOOL_OPTIONS");
        environment.remove("JDK_JAVA_OPTIONS");
        environment.remove("_JAVA_OPTIONS");
        Path log = logDir.resolve(launch.name().replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + index + ".log");
        builder.redirectError(log.toFile());

        long spawned = System.nanoTime();
        Process process = builder.start();
        BlockingQueue<String> lines = new ArrayBlockingQueue<>(1);
        List<String> output = new ArrayList<>();
        Thread reader = new Thread(() -> readUntilReady(process, lines, output), "bench-child-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            String ready = lines.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            double wallMillis = (System.nanoTime() - spawned) / 1e6;
            if (ready == null || ready.isEmpty()) {
                throw new IllegalStateException(launch.name() + ": no READY line within " + TIMEOUT_SECONDS
                        + " s (exit " + (process.isAlive() ? "-" : process.exitValue()) + "); see " + log
                        + "; last output: " + lastLines(output));
            }
            Matcher m = READY.matcher(ready);
            if (!m.find()) {
                throw new IllegalStateException(launch.name() + ": malformed READY line " + ready);
            }
            if (!m.group(4).equals("200") || !m.group(6).equals("true")) {
                throw new IllegalStateException(launch.name() + ": the answer was status " + m.group(4)
                        + " with the expected data " + (m.group(6).equals("true") ? "present" : "missing")
                        + "; see " + log);
            }
            double peak = ProcStatus.megabytes(process.pid(), "VmHWM");
            return new Run(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                    Double.parseDouble(m.group(3)), wallMillis, peak);
        } finally {
            process.getOutputStream().close(); // the child's signal to exit
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static void readUntilReady(Process process, BlockingQueue<String> ready, List<String> output) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            boolean signalled = false;
            while ((line = in.readLine()) != null) {
                if (!signalled && line.startsWith("READY ")) {
                    ready.offer(line);
                    signalled = true;
                } else {
                    synchronized (output) {
                        output.add(line);
                        if (output.size() > 20) {
                            output.remove(0);
                        }
                    }
                }
            }
            if (!signalled) {
                ready.offer("");
            }
        } catch (IOException e) {
            ready.offer("");
        }
    }

    private static String lastLines(List<String> output) {
        synchronized (output) {
            return String.join(" | ", output);
        }
    }
}
