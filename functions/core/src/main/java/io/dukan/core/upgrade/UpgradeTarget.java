package io.dukan.core.upgrade;

import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.StoreRef;
import io.dukan.core.tenant.TenantId;

/**
 * One store of a campaign's plan, at its position (waves are position ranges), with the version it ran before: what
 * a rollback puts it back on. {@code check}: whether it gets a check request after its deploy (an active store; a
 * suspended one answers every shopper with its closed page, a 503, so it is not asked).
 */
public record UpgradeTarget(
        int position, TenantId id, Slug slug, String fromVersion, TargetState state, boolean check) {

    /** A store that is checked after its deploy. */
    public UpgradeTarget(int position, TenantId id, Slug slug, String fromVersion, TargetState state) {
        this(position, id, slug, fromVersion, state, true);
    }

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
        return new UpgradeTarget(position, id, slug, fromVersion, newState, check);
    }
}
