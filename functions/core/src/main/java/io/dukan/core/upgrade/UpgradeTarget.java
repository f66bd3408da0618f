package io.dukan.core.upgrade;

import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.StoreRef;
import io.dukan.core.tenant.TenantId;

/**
 * One store of a campaign's plan, at its position (waves are position ranges), with the version it ran before: what
 * a rollback puts it back on.
 */
public record UpgradeTarget(int position, TenantId id, Slug slug, String fromVersion, TargetState state) {

    /** Where one store is in the campaign. */
    public enum TargetState {
        WAITING,
        UPGRADED,
        ROLLED_BACK
    }

    public StoreRef ref() {
        return new StoreRef(id, slug);
    }

    public UpgradeTarget with(TargetState newState) {
        return new UpgradeTarget(position, id, slug, fromVersion, newState);
    }
}
