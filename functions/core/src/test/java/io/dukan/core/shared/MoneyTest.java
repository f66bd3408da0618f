package io.dukan.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @ParameterizedTest
    @CsvSource({
        "1250, PKR, 125000",
        "1250.5, PKR, 125050",
        "'1,250.50', USD, 125050",
        "500, JPY, 500",
        "0.001, KWD, 1",
        "12.30, CNY, 1230"
    })
    void parse_usesTheCurrencysOwnMinorUnits(String text, String currency, long minor) {
        assertThat(Money.parse("price", text, currency)).isEqualTo(new Money(minor, currency));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0",
                "-1",
                "abc",
                "1.234",
                "1e3",
                "1e3x",
                "",
                "99999999999999",
                "12,50",
                "1,2345",
                "1,250,5",
                ".5",
                "5.",
                "0x10",
                "NaN"
            })
    void parse_refusesZeroNegativeMalformedOverPreciseAndHugeAmounts(String text) {
        assertThatThrownBy(() -> Money.parse("price", text, "USD")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void parse_refusesFractionsForCurrenciesWithoutMinorUnits() {
        assertThatThrownBy(() -> Money.parse("price", "10.5", "JPY")).hasMessageContaining("decimals");
    }

    @Test
    void currencyOf_refusesUnknownCodes() {
        assertThatThrownBy(() -> Money.currencyOf("XYZ")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Money.currencyOf("usd")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void format_groupsThousandsWithTheCurrencysPrecision() {
        assertThat(new Money(125050, "PKR").format()).isEqualTo("PKR 1,250.50");
        assertThat(new Money(1500, "JPY").format()).isEqualTo("JPY 1,500");
        assertThat(new Money(125050, "PKR").amount()).isEqualTo("1250.50");
    }

    @Test
    void arithmetic_refusesMixedCurrencies() {
        assertThatThrownBy(() -> new Money(1, "USD").plus(new Money(1, "PKR")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Money(250, "USD").times(3).plus(new Money(1, "USD"))).isEqualTo(new Money(751, "USD"));
    }
}
