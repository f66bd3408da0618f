package io.dukan.core.testing;

import io.dukan.core.checkout.CheckoutSettingsRepository;
import io.dukan.core.checkout.DisplayCurrencies;
import io.dukan.core.checkout.PaymentSettings;
import io.dukan.core.tenant.TenantId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A fake of the payment-settings and display-currency items: empty for a store until the owner saves them. */
public class InMemoryCheckoutSettings implements CheckoutSettingsRepository {

    private final Map<TenantId, PaymentSettings> payments = new ConcurrentHashMap<>();
    private final Map<TenantId, DisplayCurrencies> currencies = new ConcurrentHashMap<>();

    @Override
    public Optional<PaymentSettings> payments(TenantId tenant) {
        return Optional.ofNullable(payments.get(tenant));
    }

    @Override
    public void savePayments(TenantId tenant, PaymentSettings settings) {
        payments.put(tenant, settings);
    }

    @Override
    public Optional<DisplayCurrencies> currencies(TenantId tenant) {
        return Optional.ofNullable(currencies.get(tenant));
    }

    @Override
    public void saveCurrencies(TenantId tenant, DisplayCurrencies value) {
        currencies.put(tenant, value);
    }
}
