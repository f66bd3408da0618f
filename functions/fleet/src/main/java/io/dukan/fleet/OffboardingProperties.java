package io.dukan.fleet;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * dukan.offboarding.*: how long a closed store's address stays reserved (grace-period, env
 * DUKAN_OFFBOARDING_GRACE_PERIOD, default 30 days), how long the e-mailed download link works (link-lifetime, 24
 * hours; SigV4 caps a presigned URL at 7 days and at the signing credentials' own expiry), how long the archive is
 * kept (archive-lifetime, 30 days, as template.yaml's lifecycle rule on exports/), and how many items one Scan page
 * of the data deletion reads (scan-page, 1,000).
 */
@ConfigurationProperties("dukan.offboarding")
public class OffboardingProperties {

    private Duration gracePeriod = Duration.ofDays(30);
    private Duration linkLifetime = Duration.ofHours(24);
    private Duration archiveLifetime = Duration.ofDays(30);
    private int scanPage = 1000;

    public Duration getGracePeriod() {
        return gracePeriod;
    }

    public void setGracePeriod(Duration gracePeriod) {
        this.gracePeriod = gracePeriod;
    }

    public Duration getLinkLifetime() {
        return linkLifetime;
    }

    public void setLinkLifetime(Duration linkLifetime) {
        this.linkLifetime = linkLifetime;
    }

    public Duration getArchiveLifetime() {
        return archiveLifetime;
    }

    public void setArchiveLifetime(Duration archiveLifetime) {
        this.archiveLifetime = archiveLifetime;
    }

    public int getScanPage() {
        return scanPage;
    }

    public void setScanPage(int scanPage) {
        this.scanPage = Math.max(1, scanPage);
    }
}
