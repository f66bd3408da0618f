package io.dukan.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    /**
     * One way to start a child: a name, the JVM flags, the classpath, the main class and its arguments; {@code java}:
     * another JDK's launcher (null: this JVM's).
     */
    record Launch(
            String name,
            List<String> flags,
            String classpath,
            String mainClass,
            List<String> arguments,
            boolean counters,
            String java) {

        Launch(
                String name,
                List<String> flags,
                String classpath,
                String mainClass,
                List<String> arguments,
                boolean counters) {
            this(name, flags, classpath, mainClass, arguments, counters, null);
        }

        Launch(String name, List<String> flags, String classpath, String mainClass, List<String> arguments) {
            this(name, flags, classpath, mainClass, arguments, false, null);
        }
    }

    /**
     * One cold start: the child's own figures (from its start in /proc to its handler built, and to the answer),
     * the latter again from ProcessHandle's start instant, the parent's wall time, the child's peak RSS (MB).
     */
    record Run(
            double initMillis,
            double ownMillis,
            double handleMillis,
            double wallMillis,
            double peakRssMegabytes,
            Map<String, Double> phases,
            Map<String, Double> counters,
            double cpuMillis) {}

    /** HotSpot's performance counters read with {@code jcmd PID PerfCounter.print}, in the units named. */
    static final Map<String, String> COUNTERS = new LinkedHashMap<>();

    static {
        COUNTERS.put("java.cls.loadedClasses", "classes loaded");
        COUNTERS.put("java.cls.sharedLoadedClasses", "of them from the CDS archive");
        COUNTERS.put("sun.cls.time", "class loading (sun.cls.time)");
        COUNTERS.put("sun.cls.classInitTime", "class initialisation (static init)");
        COUNTERS.put("sun.cls.classVerifyTime", "bytecode verification");
        COUNTERS.put("sun.ci.totalTime", "JIT compilation (compiler threads)");
    }

    static final long TIMEOUT_SECONDS = 60;
    private static final Pattern READY = Pattern.compile(
            "READY initMillis=(-?\\d+) ownMillis=(-?\\d+) handleMillis=(-?\\d+) status=(\\d+) bytes=(\\d+)"
                    + " found=(true|false)(?: cpuMillis=(-?\\d+))?");

    private final Path logDir;
    private final String java;
    private final List<String> extraFlags;

    /** {@code extraFlags}: added to every child's own (e.g. {@code -Xlog:class+load:file=cl-%p.log} to profile). */
    ColdStarts(Path logDir, List<String> extraFlags) throws IOException {
        this.logDir = Files.createDirectories(logDir);
        this.extraFlags = List.copyOf(extraFlags);
        this.java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    Run run(Launch launch, int index) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(launch.java() != null ? launch.java() : java);
        command.addAll(launch.flags());
        command.addAll(extraFlags);
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
        // the command first, so a failed child can be started again by hand (while the emulators are up)
        Files.writeString(log, String.join(" ", command) + System.lineSeparator());
        builder.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));

        long spawned = System.nanoTime();
        Process process = builder.start();
        BlockingQueue<String> lines = new ArrayBlockingQueue<>(1);
        List<String> output = new ArrayList<>();
        String[] phasesLine = new String[1];
        Thread reader = new Thread(() -> readUntilReady(process, lines, output, phasesLine), "bench-child-reader");
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
            Map<String, Double> phases = new LinkedHashMap<>();
            String phaseText;
            synchronized (phasesLine) {
                phaseText = phasesLine[0];
            }
            if (phaseText != null) {
                for (String pair :
                        phaseText.substring("PHASES ".length()).split(" ")[0].split(";")) {
                    String[] nameValue = pair.split(":");
                    phases.put(nameValue[0], Double.parseDouble(nameValue[1]));
                }
            }
            Map<String, Double> counters = launch.counters()
                    ? counters(process.pid(), jcmdBeside(launch.java() != null ? launch.java() : java))
                    : Map.of();
            return new Run(
                    Double.parseDouble(m.group(1)),
                    Double.parseDouble(m.group(2)),
                    Double.parseDouble(m.group(3)),
                    wallMillis,
                    peak,
                    phases,
                    counters,
                    m.group(7) == null ? Double.NaN : Double.parseDouble(m.group(7)));
        } finally {
            process.getOutputStream().close(); // the child's signal to exit
            // an AppCDS dump or an AOT cache's assembly (a JVM of its own, up to a minute here) happens at exit
            boolean dumps = launch.flags().stream()
                    .anyMatch(f -> f.startsWith("-XX:ArchiveClassesAtExit") || f.startsWith("-XX:AOTCacheOutput"));
            if (!process.waitFor(dumps ? 300 : 30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** The jcmd of the JDK whose launcher is {@code java} (…/bin/java). */
    static String jcmdBeside(String java) {
        return Path.of(java).resolveSibling("jcmd").toString();
    }

    /** The child's class-loading and JIT counters, converted from ticks to ms; empty if jcmd fails. */
    static Map<String, Double> counters(long pid, String jcmd) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(jcmd))) {
            return Map.of();
        }
        Process p = new ProcessBuilder(jcmd, Long.toString(pid), "PerfCounter.print")
                .redirectErrorStream(true)
                .start();
        Map<String, String> raw = new HashMap<>();
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                int equals = line.indexOf('=');
                if (equals > 0) {
                    raw.put(
                            line.substring(0, equals).strip(),
                            line.substring(equals + 1).strip());
                }
            }
        }
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return Map.of();
        }
        Map<String, Double> counters = new LinkedHashMap<>();
        double ticksPerMilli;
        try {
            ticksPerMilli = Double.parseDouble(raw.getOrDefault("sun.os.hrt.frequency", "NaN")) / 1000;
        } catch (NumberFormatException e) {
            return Map.of();
        }
        for (String name : COUNTERS.keySet()) {
            String value = raw.get(name);
            if (value == null || !value.matches("\\d+")) {
                continue;
            }
            double number = Double.parseDouble(value);
            counters.put(name, name.startsWith("java.cls.") ? number : number / ticksPerMilli);
        }
        return counters;
    }

    private static void readUntilReady(
            Process process, BlockingQueue<String> ready, List<String> output, String[] phasesLine) {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean signalled = false;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("PHASES ")) {
                    synchronized (phasesLine) {
                        phasesLine[0] = line;
                    }
                } else if (!signalled && line.startsWith("READY ")) {
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
