package io.dukan.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.Money;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SaveProductCommandTest {

    static final Money PRICE = new Money(1000, "PKR");

    static SaveProductCommand.VariantInput variant(String sku, String... values) {
        return new SaveProductCommand.VariantInput(List.of(values), sku, PRICE, null, 5, null, 200);
    }

    static SaveProductCommand command(List<ProductOption> options, List<SaveProductCommand.VariantInput> variants) {
        return new SaveProductCommand(
                "Shirt", "", ProductStatus.ACTIVE, options, variants, List.of(), List.of(), List.of(), "", "", false);
    }

    @Test
    void combinations_areTheCartesianProduct_firstOptionOutermost() {
        List<List<String>> combos = SaveProductCommand.combinations(List.of(
                new ProductOption("Size", List.of("S", "M")),
                new ProductOption("Colour", List.of("Red", "Blue", "Green"))));

        assertThat(combos)
                .containsExactly(
                        List.of("S", "Red"),
                        List.of("S", "Blue"),
                        List.of("S", "Green"),
                        List.of("M", "Red"),
                        List.of("M", "Blue"),
                        List.of("M", "Green"));
    }

    @Test
    void command_ordersVariantsAsTheOptions_whateverOrderTheyCameIn() {
        SaveProductCommand c = command(
                List.of(new ProductOption("Size", List.of("S", "M"))), List.of(variant("B", "M"), variant("A", "S")));

        assertThat(c.variants())
                .extracting(SaveProductCommand.VariantInput::sku)
                .containsExactly("A", "B");
    }

    @Test
    void command_refusesVariants_thatDoNotCoverEveryCombination() {
        assertThatThrownBy(() ->
                        command(List.of(new ProductOption("Size", List.of("S", "M"))), List.of(variant("A", "S"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("do not match the options");
    }

    @Test
    void command_refusesMoreThan100Variants() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            values.add("v" + i);
        }
        assertThatThrownBy(() ->
                        command(List.of(new ProductOption("A", values), new ProductOption("B", values)), List.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("121 variants");
    }

    @Test
    void command_refusesFourOptions() {
        List<ProductOption> four = List.of(
                new ProductOption("A", List.of("1")),
                new ProductOption("B", List.of("1")),
                new ProductOption("C", List.of("1")),
                new ProductOption("D", List.of("1")));
        assertThatThrownBy(() -> command(four, List.of(variant("", "1", "1", "1", "1"))))
                .hasMessageContaining("at most 3 options");
    }

    @Test
    void command_refusesTheSameSkuTwice_ignoringCase() {
        assertThatThrownBy(() -> command(
                        List.of(new ProductOption("Size", List.of("S", "M"))),
                        List.of(variant("TEE-1", "S"), variant("tee-1", "M"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("used twice");
    }

    @Test
    void variant_refusesACompareAtPriceNotAboveThePrice() {
        assertThatThrownBy(() ->
                        new SaveProductCommand.VariantInput(List.of(), "", PRICE, new Money(1000, "PKR"), 1, null, 0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("compare-at");
    }

    @Test
    void variant_refusesSkusWithSpacesOrHashes() {
        assertThatThrownBy(() -> variant("A B")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> variant("A#B")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void command_normalisesTags_andRefusesMoreThan20() {
        SaveProductCommand c = new SaveProductCommand(
                "Figs",
                "",
                ProductStatus.DRAFT,
                List.of(),
                List.of(variant("")),
                List.of(),
                List.of(),
                List.of("  Dried   Fruit ", "dried fruit", "GIFT", ""),
                "",
                "",
                false);
        assertThat(c.tags()).containsExactly("dried fruit", "gift");

        List<String> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add("t" + i);
        }
        assertThatThrownBy(() -> new SaveProductCommand(
                        "Figs",
                        "",
                        ProductStatus.DRAFT,
                        List.of(),
                        List.of(variant("")),
                        List.of(),
                        List.of(),
                        many,
                        "",
                        "",
                        false))
                .hasMessageContaining("at most 20 tags");
    }

    @Test
    void command_checksHsCodeAndOrigin() {
        SaveProductCommand c = new SaveProductCommand(
                "Figs",
                "",
                ProductStatus.ACTIVE,
                List.of(),
                List.of(variant("")),
                List.of(),
                List.of(),
                List.of(),
                "0813.10",
                "cn",
                false);
        assertThat(c.hsCode()).isEqualTo("081310");
        assertThat(c.originCountry()).isEqualTo("CN");

        assertThatThrownBy(() -> new SaveProductCommand(
                        "Figs",
                        "",
                        ProductStatus.ACTIVE,
                        List.of(),
                        List.of(variant("")),
                        List.of(),
                        List.of(),
                        List.of(),
                        "0813",
                        "",
                        false))
                .hasMessageContaining("6 to 10 digits");
        assertThatThrownBy(() -> new SaveProductCommand(
                        "Figs",
                        "",
                        ProductStatus.ACTIVE,
                        List.of(),
                        List.of(variant("")),
                        List.of(),
                        List.of(),
                        List.of(),
                        "",
                        "XX",
                        false))
                .hasMessageContaining("two-letter ISO");
    }

    @Test
    void status_parsesWhatTheFormSends_andRefusesOthers() {
        assertThat(SaveProductCommand.status("draft")).isEqualTo(ProductStatus.DRAFT);
        assertThatThrownBy(() -> SaveProductCommand.status("deleted")).isInstanceOf(InvalidInputException.class);
    }
}
