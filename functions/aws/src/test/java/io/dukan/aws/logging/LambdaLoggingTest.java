package io.dukan.aws.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

class LambdaLoggingTest {

    @Test
    void line_hasLevelLoggerAndMessage_asTheFormerLogbackXmlPattern() {
        LoggerContext context = new LoggerContext();
        LoggingEvent event = new LoggingEvent(
                "x",
                context.getLogger("io.dukan.shop.StorefrontController"),
                Level.INFO,
                "served {}",
                null,
                new Object[] {"/s/a/"});

        String line = new LambdaLogging.LineLayout().doLayout(event);

        assertThat(line).isEqualTo("INFO  i.d.s.StorefrontController - served /s/a/\n");
    }

    @Test
    void line_carriesTheStackTrace_whenAnExceptionIsLogged() {
        LoggerContext context = new LoggerContext();
        LoggingEvent event = new LoggingEvent(
                "x", context.getLogger("io.dukan.X"), Level.WARN, "failed", new IllegalStateException("boom"), null);

        String line = new LambdaLogging.LineLayout().doLayout(event);

        assertThat(line)
                .startsWith("WARN  io.dukan.X - failed\n")
                .contains("IllegalStateException: boom")
                .contains("at io.dukan.aws.logging.LambdaLoggingTest");
    }

    @Test
    void abbreviate_shortensPackagesFromTheLeft_untilTheNameFits() {
        assertThat(LambdaLogging.LineLayout.abbreviate("io.dukan.X")).isEqualTo("io.dukan.X");
        assertThat(LambdaLogging.LineLayout.abbreviate("software.amazon.awssdk.core.RetryableStage"))
                .isEqualTo("s.a.a.c.RetryableStage");
        assertThat(LambdaLogging.LineLayout.abbreviate("io.micronaut.context.DefaultBeanContext"))
                .isEqualTo("i.m.c.DefaultBeanContext");
    }

    @Test
    void configuration_logsToStdout_withTheFunctionsLevels() {
        LoggerContext context = new LoggerContext();

        LambdaLogging.configureInCode(context);

        assertThat(context.getLogger("ROOT").getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("io.dukan").getLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("ROOT").getAppender("STDOUT")).isNotNull();
    }
}
