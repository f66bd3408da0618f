package io.dukan.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import io.dukan.web.i18n.Plurals.Category;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PluralsTest {

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
        "AR, 0, ZERO",
        "AR, 1, ONE",
        "AR, 2, TWO",
        "AR, 3, FEW",
        "AR, 10, FEW",
        "AR, 11, MANY",
        "AR, 99, MANY",
        "AR, 100, OTHER",
        "AR, 101, OTHER",
        "AR, 102, OTHER",
        "AR, 103, FEW",
        "AR, 111, MANY",
        "EN, 0, OTHER",
        "EN, 1, ONE",
        "EN, 2, OTHER",
        "UR, 1, ONE",
        "UR, 5, OTHER",
        "ZH, 1, OTHER",
        "ZH, 0, OTHER",
        "FR, 0, ONE",
        "FR, 1, ONE",
        "FR, 2, OTHER",
        "FR, 1000000, MANY",
        "ES, 0, OTHER",
        "ES, 1, ONE",
        "ES, 2, OTHER",
        "ES, 2000000, MANY"
    })
    void categories_followCldrRules(Language language, long n, Category expected) {
        assertThat(Plurals.of(language, n)).isEqualTo(expected);
    }
}
