package io.dukan.core.order;

import io.dukan.core.tenant.TenantId;
import java.util.Optional;

/**
 * Out-port: what the owner tells shoppers about paying by bank transfer (account name, IBAN, reference to use).
 * Implemented where the owner sets their payment methods; the shopper's order page shows it for bank-transfer
 * orders that are not yet paid, and nothing when there is none.
 */
public interface PaymentInstructions {

    Optional<String> bankTransfer(TenantId tenant);
}
