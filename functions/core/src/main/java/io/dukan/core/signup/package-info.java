/**
 * Signup that nobody can abuse: limits per client address and per e-mail, a platform-wide provisioning rate, the
 * owner's e-mail verified (a one-time link) before anything is provisioned, and an optional approval by an operator.
 * {@link io.dukan.core.signup.SignupGate} stands in front of {@link io.dukan.core.tenant.ProvisioningService}.
 */
package io.dukan.core.signup;
