package io.dukan.aws.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The functions' logging, set up in code instead of from a logback.xml: Logback's XML configurator (Joran, an XML
 * parser and some 500 classes) took about half a second of the shop function's cold start here. The result is
 * what the former logback.xml said: one line per event on stdout ({@code LEVEL logger - message}, then the stack
 * trace if any), {@code io.dukan} at INFO, everything else at WARN.
 *
 * <p>Found by Logback through {@code META-INF/services}. It steps aside, leaving the XML configurators in charge,
 * wherever a configuration file is given: {@code -Dlogback.configurationFile}, or a logback.xml /
 * logback-test.xml on the classpath (the local cloud and the bench have their own).
 */
public final class LambdaLogging extends ContextAwareBase implements Configurator {

    static final String ROOT_LEVEL = "WARN";
    static final String OWN_LEVEL = "INFO";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (hasConfigurationFile()) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        configureInCode(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The configuration itself: stdout, one line per event, io.dukan at INFO and the rest at WARN. */
    static void configureInCode(LoggerContext context) {
        LineLayout layout = new LineLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stdout = new ConsoleAppender<>();
        stdout.setContext(context);
        stdout.setName("STDOUT");
        stdout.setEncoder(encoder);
        stdout.start();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(ROOT_LEVEL));
        root.addAppender(stdout);
        context.getLogger("io.dukan").setLevel(Level.toLevel(OWN_LEVEL));
    }

    private static boolean hasConfigurationFile() {
        if (System.getProperty("logback.configurationFile") != null) {
            return true;
        }
        ClassLoader loader = LambdaLogging.class.getClassLoader();
        return loader.getResource("logback-test.xml") != null || loader.getResource("logback.xml") != null;
    }

    /** {@code %-5level %logger{24} - %msg%n} and the stack trace, without Logback's pattern parser. */
    static final class LineLayout extends LayoutBase<ILoggingEvent> {

        static final int LOGGER_WIDTH = 24;

        @Override
        public String doLayout(ILoggingEvent event) {
            StringBuilder line = new StringBuilder(128);
            String level = event.getLevel().toString();
            line.append(level);
            for (int i = level.length(); i < 5; i++) {
                line.append(' ');
            }
            line.append(' ')
                    .append(abbreviate(event.getLoggerName()))
                    .append(" - ")
                    .append(event.getFormattedMessage())
                    .append('\n');
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) {
                line.append(ThrowableProxyUtil.asString(thrown)).append('\n');
            }
            return line.toString();
        }

        /** As Logback's {@code %logger{24}}: package segments cut to their first letter, left first, until it fits. */
        static String abbreviate(String name) {
            if (name == null || name.length() <= LOGGER_WIDTH) {
                return name;
            }
            String[] parts = name.split("\\.");
            int length = name.length();
            StringBuilder out = new StringBuilder(name.length());
            for (int i = 0; i < parts.length - 1; i++) {
                String part = parts[i];
                if (length > LOGGER_WIDTH && part.length() > 1) {
                    length -= part.length() - 1;
                    out.append(part.charAt(0));
                } else {
                    out.append(part);
                }
                out.append('.');
            }
            return out.append(parts[parts.length - 1]).toString();
        }
    }
}
