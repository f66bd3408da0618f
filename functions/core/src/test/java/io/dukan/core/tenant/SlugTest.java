package io.dukan.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dukan.core.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlugTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "abc",
                "kashgar-fruit",
                "a1b",
                "sialkot-textiles-2024",
                "0123456789012345678901234567890123456789"
            })
    void accepts_lowercaseLettersDigitsAndInnerHyphens_3to40(String slug) {
        assertThat(new Slug(slug).value()).isEqualTo(slug);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "ab",
                "-abc",
                "abc-",
                "ABC",
                "a_b",
                "a b",
                "a.b",
                "caf\u00e9",
                "a--b",
                "../x",
                "01234567890123456789012345678901234567890"
            })
    void refuses_anythingElse_onFieldSlug(String slug) {
        assertThatThrownBy(() -> new Slug(slug))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field())
                .isEqualTo("slug");
    }

    @ParameterizedTest
    @ValueSource(strings = {"api", "admin", "www", "static", "signup", "stores"})
    void refuses_reservedWords(String slug) {
        assertThatThrownBy(() -> new Slug(slug))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("reserved");
    }

    @Test
    void parseOrNull_isNullForWhatCouldNotBeAStore() {
        assertThat(Slug.parseOrNull("../etc")).isNull();
        assertThat(Slug.parseOrNull(null)).isNull();
        assertThat(Slug.parseOrNull("shop-one")).isEqualTo(new Slug("shop-one"));
    }
}
