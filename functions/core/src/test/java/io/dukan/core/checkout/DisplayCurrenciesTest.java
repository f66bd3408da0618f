package io.dukan.core.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dukan.core.order.PaymentMethod;
import io.dukan.core.shared.Money;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DisplayCurrenciesTest {

    @Test
    void parse_readsOneCurrencyAndRatePerLine_andApproximatesInTheTargetsMinorUnits() {
        DisplayCurrencies c = DisplayCurrencies.parse("usd 0.0036\nJPY=0.53, KWD: 0.0011", "PKR");

        assertThat(c.rates()).extracting(DisplayRate::currency).containsExactly("USD", "JPY", "KWD");
        assertThat(c.find("USD").orElseThrow().approximate(new Money(344445, "PKR")))
                .isEqualTo("≈ 12.40 USD");
        assertThat(c.find("JPY").orElseThrow().approximate(new Money(344445, "PKR")))
                .isEqualTo("≈ 1,826 JPY");
        assertThat(c.find("KWD").orElseThrow().approximate(new Money(344445, "PKR")))
                .isEqualTo("≈ 3.789 KWD");
        assertThat(c.find("USD").orElseThrow().recorded().rate()).isEqualByComparingTo(new BigDecimal("0.0036"));
        assertThat(DisplayCurrencies.parse(c.text(), "PKR")).isEqualTo(c);
        assertThat(DisplayCurrencies.parse("  ", "PKR").rates()).isEmpty();
    }

    @Test
    void parse_refusesTheBaseCurrency_unknownCodes_badRates_andRepeats() {
        assertThatThrownBy(() -> DisplayCurrencies.parse("PKR 1", "PKR")).hasMessageContaining("store's own currency");
        assertThatThrownBy(() -> DisplayCurrencies.parse("XYZ 1", "PKR")).hasMessageContaining("unknown currency");
        assertThatThrownBy(() -> DisplayCurrencies.parse("USD 0", "PKR")).hasMessageContaining("more than 0");
        assertThatThrownBy(() -> DisplayCurrencies.parse("USD abc", "PKR")).hasMessageContaining("must be a number");
        assertThatThrownBy(() -> DisplayCurrencies.parse("USD 0.123456789", "PKR"))
                .hasMessageContaining("8 decimals");
        assertThatThrownBy(() -> DisplayCurrencies.parse("USD 1\nUSD 2", "PKR")).hasMessageContaining("twice");
        assertThatThrownBy(() -> DisplayCurrencies.parse("USD", "PKR")).hasMessageContaining("code and rate");
    }

    @Test
    void paymentSettings_needAMethod_andBankDetailsWhenBankTransferIsOn() {
        assertThat(PaymentSettings.DEFAULT.methods()).containsExactly(PaymentMethod.CASH_ON_DELIVERY);
        assertThatThrownBy(() -> PaymentSettingsCommand.of(false, false, "", "", "", ""))
                .hasMessageContaining("at least one way to pay");
        assertThatThrownBy(() -> PaymentSettingsCommand.of(false, true, "Shop", "", "", ""))
                .hasMessageContaining("account number");
        assertThat(PaymentSettingsCommand.of(true, true, "Shop", "HBL", "PK36", "")
                        .settings()
                        .methods())
                .containsExactly(PaymentMethod.CASH_ON_DELIVERY, PaymentMethod.BANK_TRANSFER);
    }
}
