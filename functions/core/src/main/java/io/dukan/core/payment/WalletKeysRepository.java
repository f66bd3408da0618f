package io.dukan.core.payment;

import io.dukan.core.tenant.TenantId;
import java.util.Optional;

/** Out-port: a store's wallet-provider credentials, in the store's own partition. */
public interface WalletKeysRepository {

    Optional<WalletKeys> findWallet(TenantId tenant, String provider);

    void saveWallet(TenantId tenant, WalletKeys keys);
}
