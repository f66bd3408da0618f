package io.dukan.local;

import org.slf4j.bridge.SLF4JBridgeHandler;

/** One logging pipeline: the emulators' java.util.logging output (Tomcat in s3mock) goes through logback too. */
final class Logging {

    private Logging() {}

    static synchronized void routeJavaUtilLoggingToSlf4j() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
