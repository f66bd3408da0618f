package io.dukan.core.upgrade;

/** Where a campaign is. Only RUNNING campaigns advance; ROLLED_BACK, DONE and HALTED are final. */
public enum UpgradeState {
    /** The worker plans, deploys waves and watches them. */
    RUNNING,
    /** An operator stopped it between steps; resuming goes on where it stopped. */
    PAUSED,
    /** A wave's error rate rose (or a deploy failed): its stores are being put back on their previous version. */
    ROLLING_BACK,
    /** The failing wave is back on its previous version; the campaign stopped there. */
    ROLLED_BACK,
    /** Every store runs the target version. */
    DONE,
    /** Stopped without a rollback (the target version disappeared). */
    HALTED;

    public boolean isFinal() {
        return this == ROLLED_BACK || this == DONE || this == HALTED;
    }
}
