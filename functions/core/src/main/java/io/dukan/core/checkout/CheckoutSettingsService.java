package io.dukan.core.checkout;

import io.dukan.core.tenant.StoreSettings;
import io.dukan.core.tenant.TenantId;

/** The owner's payment methods and display currencies. */
public class CheckoutSettingsService {

    private final CheckoutSettingsRepository repository;

    public CheckoutSettingsService(CheckoutSettingsRepository repository) {
        this.repository = repository;
    }

    public PaymentSettings payments(TenantId tenant) {
        return repository.payments(tenant).orElse(PaymentSettings.DEFAULT);
    }

    public PaymentSettings updatePayments(TenantId tenant, PaymentSettingsCommand command) {
        repository.savePayments(tenant, command.settings());
        return command.settings();
    }

    public DisplayCurrencies currencies(TenantId tenant) {
        return repository.currencies(tenant).orElse(DisplayCurrencies.NONE);
    }

    /** Replaces the display currencies with the owner's text ("USD 0.0036" per line; empty turns them off). */
    public DisplayCurrencies updateCurrencies(StoreSettings store, String text) {
        DisplayCurrencies parsed = DisplayCurrencies.parse(text, store.currency());
        repository.saveCurrencies(store.tenantId(), parsed);
        return parsed;
    }
}
