package io.dukan.core.tenant;

/**
 * What the owner did about the admin's setup guide that the store's data cannot tell: whether they shared the store's
 * link (clicked Share) and whether they put the guide away. Kept per store.
 */
public record SetupFlags(boolean shared, boolean dismissed) {

    public static final SetupFlags NONE = new SetupFlags(false, false);

    /** Out-port: the flags, one item in the store's partition; each change sets one attribute only. */
    public interface Repository {

        SetupFlags flags(TenantId tenant);

        void markShared(TenantId tenant);

        void setDismissed(TenantId tenant, boolean dismissed);
    }
}
