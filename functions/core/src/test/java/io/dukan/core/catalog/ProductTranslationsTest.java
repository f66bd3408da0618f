package io.dukan.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.testing.ProductTestData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A product's text in the store's extra languages: per-field fallback, and the spreadsheet's columns per language. */
class ProductTranslationsTest {

    private static Product apricots() {
        Product p = ProductTestData.aProduct()
                .named("Dried apricots")
                .describedAs("Sun dried")
                .withOption("Size", "Small", "Large")
                .withImages(new ProductImage("tenants/t/media/a.jpg", "A bowl"))
                .build();
        return p.withTranslations(Map.of(
                "zh", new ProductText("杏干", "", List.of("规格"), List.of(List.of("小", "")), List.of("一碗")),
                "ur", new ProductText("خوبانی", "", List.of(), List.of(), List.of())));
    }

    @Test
    void in_showsEachTranslatedField_andThePrimaryTextWhereATranslationIsMissing() {
        Product p = apricots();
        Product zh = p.in("zh");

        assertThat(zh.name()).isEqualTo("杏干");
        assertThat(zh.description()).isEqualTo("Sun dried");
        assertThat(zh.options().get(0).name()).isEqualTo("规格");
        assertThat(zh.options().get(0).values()).containsExactly("小", "Large");
        assertThat(zh.variants()).extracting(Variant::title).containsExactly("小", "Large");
        assertThat(zh.images().get(0).alt()).isEqualTo("一碗");
        assertThat(zh.variants().get(0).id()).isEqualTo(p.variants().get(0).id());
        assertThat(p.name()).isEqualTo("Dried apricots");
    }

    @Test
    void in_thePrimaryOrAnUntranslatedLanguage_isTheProductAsTyped() {
        Product p = apricots();

        assertThat(p.in("en")).isSameAs(p);
        assertThat(p.in("fr")).isSameAs(p);
        assertThat(p.in("ur").name()).isEqualTo("خوبانی");
        assertThat(p.in("ur").options().get(0).name()).isEqualTo("Size");
    }

    @Test
    void saveCommand_refusesALanguageTheUiDoesNotHave_andDropsEmptyTranslations() {
        SaveProductCommand c = new SaveProductCommand(
                "Figs",
                "",
                ProductStatus.ACTIVE,
                List.of(),
                List.of(new SaveProductCommand.VariantInput(
                        List.of(), "", io.dukan.core.shared.Money.parse("price", "10", "PKR"), null, 1, null, 0)),
                List.of(),
                List.of(),
                List.of(),
                "",
                "",
                false);

        assertThat(c.withTranslations(Map.of("zh", ProductText.EMPTY)).translations())
                .isEmpty();
        assertThatThrownBy(() -> c.withTranslations(
                        Map.of("de", new ProductText("Feigen", "", List.of(), List.of(), List.of()))))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void spreadsheet_writesAColumnPerLanguage_andReadsTheSameTranslationsBack() {
        Product p = apricots();

        String csv = ProductCsv.write(List.of(p), Map.of());
        ProductCsv.Parsed read = ProductCsv.read(csv, "PKR");

        assertThat(csv.lines().findFirst().orElseThrow())
                .contains("Title@ur", "Title@zh", "Option1 Value@zh", "Image Alt@zh");
        assertThat(read.errors()).isEmpty();
        Map<String, ProductText> back = read.products().get(0).command().translations();
        assertThat(back).containsOnlyKeys("zh", "ur");
        assertThat(back.get("zh").name()).isEqualTo("杏干");
        assertThat(back.get("zh").optionNames()).containsExactly("规格");
        assertThat(back.get("zh").optionValues()).containsExactly(List.of("小", ""));
        assertThat(back.get("zh").imageAlts()).containsExactly("一碗");
        assertThat(back.get("ur").name()).isEqualTo("خوبانی");
    }

    @Test
    void spreadsheet_refusesAColumnForALanguageTheUiDoesNotHave() {
        ProductCsv.Parsed read = ProductCsv.read("Handle,Title,Price,Title@de\nfigs,Figs,10,Feigen\n", "PKR");

        assertThat(read.errors())
                .singleElement()
                .satisfies(e -> assertThat(e.column()).isEqualTo("Title@de"));
    }
}
