package io.dukan.core.payment;

import io.dukan.core.tenant.TenantId;
import java.util.List;
import java.util.Optional;

/** Out-port: the wallet payment attempts of a store's orders. */
public interface PaymentAttempts {

    void save(TenantId tenant, PaymentAttempt attempt);

    Optional<PaymentAttempt> find(TenantId tenant, String orderCode, String reference);

    /** The order's attempts, oldest first. */
    List<PaymentAttempt> of(TenantId tenant, String orderCode);
}
