package io.dukan.core.checkout;

import io.dukan.core.tenant.TenantId;
import java.util.Optional;

/** Out-port: the owner's payment settings and display currencies, in the store's partition. */
public interface CheckoutSettingsRepository {

    Optional<PaymentSettings> payments(TenantId tenant);

    void savePayments(TenantId tenant, PaymentSettings settings);

    Optional<DisplayCurrencies> currencies(TenantId tenant);

    void saveCurrencies(TenantId tenant, DisplayCurrencies currencies);
}
