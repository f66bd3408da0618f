package io.dukan.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dukan.core.shared.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UpdateSettingsCommandTest {

    private static UpdateSettingsCommand withWhatsapp(String whatsapp) {
        return new UpdateSettingsCommand("Shop", "", whatsapp, "", "", "PKR", "en", "");
    }

    @ParameterizedTest
    @CsvSource({
        "+92 300 1234567,923001234567",
        "0092-300-1234567,923001234567",
        "(86) 138 0013 8000,8613800138000",
        "'',''"
    })
    void whatsapp_isNormalisedToInternationalDigits(String typed, String digits) {
        assertThat(withWhatsapp(typed).whatsapp()).isEqualTo(digits);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0300 1234567", "12345", "+92 300 abc", "+0 300 1234567", "1234567890123456"})
    void whatsapp_withoutACountryCodeOrNotANumber_isRefused(String typed) {
        assertThatThrownBy(() -> withWhatsapp(typed))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("international form");
    }

    @ParameterizedTest
    @CsvSource({
        "currency,XYZ",
        "currency,pk",
        "language,de",
        "language,''",
        "name,''",
        "email,not-an-email",
        "phone,call me"
    })
    void badFields_areRefused_namingTheField(String field, String value) {
        assertThatThrownBy(() -> new UpdateSettingsCommand(
                        field.equals("name") ? value : "Shop",
                        field.equals("phone") ? value : "",
                        "",
                        field.equals("email") ? value : "",
                        "",
                        field.equals("currency") ? value : "PKR",
                        field.equals("language") ? value : "en",
                        ""))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(field));
    }
}
