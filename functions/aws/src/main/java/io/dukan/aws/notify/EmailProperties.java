package io.dukan.aws.notify;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * How a function sends e-mail: {@code dukan.email.mode} "ses" (the default: Amazon SES v2, from the verified
 * address {@code dukan.email.from}) or "outbox" (kept in the store's own partition, for the local cloud's
 * /_outbox). On Lambda: DUKAN_EMAIL_MODE, DUKAN_EMAIL_FROM.
 */
@ConfigurationProperties("dukan.email")
public class EmailProperties {

    public static final String SES = "ses";
    public static final String OUTBOX = "outbox";

    private String mode = SES;

    @Nullable
    private String from;

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public @Nullable String getFrom() {
        return from;
    }

    public void setFrom(@Nullable String from) {
        this.from = from;
    }
}
