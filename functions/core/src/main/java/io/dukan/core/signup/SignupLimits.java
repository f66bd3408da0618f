package io.dukan.core.signup;

import java.time.Duration;

/**
 * How much signing up one address, one e-mail and the whole platform may do (configuration; the defaults protect a
 * deployment, tests and the benchmark may raise them).
 *
 * @param perAddress         signup requests per client address within {@code addressWindow}
 * @param perEmail           signup requests per owner e-mail within {@code emailWindow}
 * @param platformRate       stores provisioned on the whole platform within {@code platformWindow}
 * @param verificationTtl    how long a verification link works
 * @param emailVerification  whether nothing is provisioned before the owner follows the e-mailed link (off only for
 *                           tests and benchmarks that sign up thousands of stores)
 * @param approvalRequired   whether an operator approves each verified signup before it is provisioned
 */
public record SignupLimits(
        int perAddress,
        Duration addressWindow,
        int perEmail,
        Duration emailWindow,
        int platformRate,
        Duration platformWindow,
        Duration verificationTtl,
        boolean emailVerification,
        boolean approvalRequired) {

    public static final SignupLimits DEFAULTS = new SignupLimits(
            5, Duration.ofHours(1), 3, Duration.ofDays(1), 60, Duration.ofHours(1), Duration.ofHours(24), true, false);

    public SignupLimits {
        if (perAddress < 1 || perEmail < 1 || platformRate < 1) {
            throw new IllegalArgumentException("signup limits must be at least 1");
        }
        if (addressWindow.isNegative()
                || addressWindow.isZero()
                || emailWindow.isNegative()
                || emailWindow.isZero()
                || platformWindow.isNegative()
                || platformWindow.isZero()
                || verificationTtl.isNegative()
                || verificationTtl.isZero()) {
            throw new IllegalArgumentException("signup windows must be positive");
        }
    }
}
