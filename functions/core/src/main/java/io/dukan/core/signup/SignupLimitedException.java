package io.dukan.core.signup;

import io.dukan.core.shared.DomainException;
import java.time.Duration;

/** A signup refused by a rate limit: nothing was recorded; the same request may succeed after {@link #retryAfter}. */
public class SignupLimitedException extends DomainException {

    /** Which limit refused it. */
    public enum Limit {
        ADDRESS,
        EMAIL,
        PLATFORM
    }

    private final Limit limit;
    private final Duration retryAfter;

    public SignupLimitedException(Limit limit, Duration retryAfter) {
        super(
                switch (limit) {
                    case ADDRESS -> "too many signups from your network; please try again later";
                    case EMAIL -> "too many signups for this e-mail address; please try again later";
                    case PLATFORM ->
                        "the platform is opening many stores just now; please follow your link again later";
                });
        this.limit = limit;
        this.retryAfter = retryAfter.isNegative() || retryAfter.isZero() ? Duration.ofSeconds(1) : retryAfter;
    }

    public Limit limit() {
        return limit;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public String code() {
        return "signup-rate-limited";
    }
}
