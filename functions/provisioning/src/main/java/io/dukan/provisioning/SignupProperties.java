package io.dukan.provisioning;

import io.dukan.core.signup.SignupLimits;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * Signup limits and modes, {@code dukan.signup.*} (env DUKAN_SIGNUP_*). The defaults protect a deployment: five
 * signups an hour per client address, three a day per e-mail, 60 stores provisioned an hour on the whole platform,
 * links valid 24 hours, e-mail verification on, approval off. Tests and the benchmark may raise them.
 */
@ConfigurationProperties("dukan.signup")
public class SignupProperties {

    private int perAddress = SignupLimits.DEFAULTS.perAddress();
    private Duration addressWindow = SignupLimits.DEFAULTS.addressWindow();
    private int perEmail = SignupLimits.DEFAULTS.perEmail();
    private Duration emailWindow = SignupLimits.DEFAULTS.emailWindow();
    private int platformRate = SignupLimits.DEFAULTS.platformRate();
    private Duration platformWindow = SignupLimits.DEFAULTS.platformWindow();
    private Duration verificationTtl = SignupLimits.DEFAULTS.verificationTtl();
    private boolean emailVerification = SignupLimits.DEFAULTS.emailVerification();
    private boolean approval = SignupLimits.DEFAULTS.approvalRequired();
    /** The operators' bearer token for /operator/signups; blank turns that endpoint off (404). */
    @Nullable
    private String operatorToken;

    SignupLimits limits() {
        return new SignupLimits(
                perAddress,
                addressWindow,
                perEmail,
                emailWindow,
                platformRate,
                platformWindow,
                verificationTtl,
                emailVerification,
                approval);
    }

    public int getPerAddress() {
        return perAddress;
    }

    public void setPerAddress(int perAddress) {
        this.perAddress = perAddress;
    }

    public Duration getAddressWindow() {
        return addressWindow;
    }

    public void setAddressWindow(Duration addressWindow) {
        this.addressWindow = addressWindow;
    }

    public int getPerEmail() {
        return perEmail;
    }

    public void setPerEmail(int perEmail) {
        this.perEmail = perEmail;
    }

    public Duration getEmailWindow() {
        return emailWindow;
    }

    public void setEmailWindow(Duration emailWindow) {
        this.emailWindow = emailWindow;
    }

    public int getPlatformRate() {
        return platformRate;
    }

    public void setPlatformRate(int platformRate) {
        this.platformRate = platformRate;
    }

    public Duration getPlatformWindow() {
        return platformWindow;
    }

    public void setPlatformWindow(Duration platformWindow) {
        this.platformWindow = platformWindow;
    }

    public Duration getVerificationTtl() {
        return verificationTtl;
    }

    public void setVerificationTtl(Duration verificationTtl) {
        this.verificationTtl = verificationTtl;
    }

    public boolean isEmailVerification() {
        return emailVerification;
    }

    public void setEmailVerification(boolean emailVerification) {
        this.emailVerification = emailVerification;
    }

    public boolean isApproval() {
        return approval;
    }

    public void setApproval(boolean approval) {
        this.approval = approval;
    }

    @Nullable
    public String getOperatorToken() {
        return operatorToken;
    }

    public void setOperatorToken(@Nullable String operatorToken) {
        this.operatorToken = operatorToken;
    }
}
