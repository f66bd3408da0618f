package io.dukan.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.dukan.core.insight.PlatformFigures;
import io.dukan.core.insight.PlatformFigures.Row;
import io.dukan.web.i18n.Language;
import io.dukan.web.i18n.Messages;
import io.dukan.web.pages.Templates;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The industry analysis page in every language (its own table complete, no English shown, direction and
 * description), charts as inline SVG with the figures, and CSV cells that a spreadsheet cannot run.
 */
class AnalysisPagesTest {

    static final PlatformFigures FIGURES = new PlatformFigures(
            List.of(new Row("2026-11", "PKR", 3, 7, 350_000), new Row("2026-11", "CNY", 2, 2, 9_900)),
            List.of(new Row("PK", "PKR", 3, 7, 350_000), new Row("CN", "CNY", 2, 2, 9_900)),
            List.of(new Row("AF", "PKR", 1, 2, 200_000), new Row("??", "CNY", 2, 2, 9_900)),
            List.of(new Row("09", "PKR", 1, 2, 200_000), new Row("08", "PKR", 2, 5, 150_000)),
            List.of(new Row("0910", "PKR", 1, 2, 200_000)),
            4,
            List.of(new PlatformFigures.Count("2026-W47", 3)),
            List.of(new PlatformFigures.Cohort("2026-10", 3, List.of(2L, 1L, 1L))));

    static String page(Language language) {
        var t = AnalysisViews.locale(language);
        var p = AnalysisViews.page(t, "/prod", 12, YearMonth.of(2025, 12), YearMonth.of(2026, 11), FIGURES);
        var f = new OperatorPages.Frame(
                OperatorConsole.text(language),
                "/prod",
                "analysis",
                "ops@dukan.example",
                "csrftokencsrftokencsrftoke",
                "/prod/operator/analysis");
        return new Templates("io.dukan.provisioning.pages").render("operator/analysis.jte", Map.of("f", f, "p", p));
    }

    @Test
    void everyLanguage_hasEveryEnglishKey_withTheSamePlaceholders_translated() {
        Messages english = Messages.of(Language.EN, AnalysisViews.BUNDLES);
        for (Language language : Language.all()) {
            Messages m = Messages.of(language, AnalysisViews.BUNDLES);
            assertThat(m.keys()).as(language.code()).containsExactlyInAnyOrderElementsOf(english.keys());
            for (String key : english.keys()) {
                assertThat(PlatformMessagesTest.placeholders(m.own().get(key)))
                        .as(language.code() + " " + key)
                        .isEqualTo(
                                PlatformMessagesTest.placeholders(english.own().get(key)));
                if (language != Language.EN && !key.equals("analysis.percent")) {
                    assertThat(m.own().get(key))
                            .as(language.code() + " " + key)
                            .isNotEqualTo(english.own().get(key));
                }
            }
        }
    }

    @Test
    void thePage_inEveryLanguage_hasItsDirection_andShowsNoEnglish() {
        List<String> english = fragments(Messages.of(Language.EN, AnalysisViews.BUNDLES));
        assertThat(english).contains("Industry analysis", "By product origin");
        for (Language language : Language.all()) {
            String html = page(language);
            assertThat(html)
                    .contains("<html lang=\"" + language.code() + "\" dir=\"" + language.dir() + "\">")
                    .contains("<meta name=\"robots\" content=\"noindex\">")
                    .contains("href=\"/prod/operator/analysis\" aria-current=\"page\"")
                    .contains("<link rel=\"icon\"")
                    .contains("width=device-width");
            if (language == Language.EN) {
                continue;
            }
            String own = String.join(
                    "\n", Messages.of(language, AnalysisViews.BUNDLES).own().values());
            String readable = PlatformMessagesTest.readable(html);
            for (String fragment : english) {
                if (!own.contains(fragment)) {
                    assertThat(readable)
                            .as(language.code() + " shows '" + fragment + "'")
                            .doesNotContain(fragment);
                }
            }
        }
    }

    @Test
    void charts_areInlineSvg_withTheirTables_andSalesStayPerCurrency() {
        String html = page(Language.EN);
        assertThat(html)
                .doesNotContain("<script")
                .contains("<svg class=\"chart\" id=\"chart-months\" role=\"img\"")
                .contains("<svg class=\"chart\" id=\"chart-origins\"")
                .contains("Afghanistan (AF)")
                .contains("PKR3,500.00") // the PKR total, alone
                .contains("CN¥99.00") // and the CNY total, never added to it
                .contains("href=\"/prod/operator/analysis/origins.csv?months=12\"")
                .contains("67% (2)"); // cohort: 2 of 3 stores active in their first month
        // orders (countable across currencies) are charted: 3 + 2 in November
        assertThat(html).containsPattern("id=\"chart-months\".*>2026-11</text><rect[^>]*/><text[^>]*>5</text>");
    }

    @Test
    void csvCells_startingWithAFormulaCharacter_areDefused_andQuoted() {
        assertThat(CsvCells.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(CsvCells.cell("+92 300")).isEqualTo("'+92 300");
        assertThat(CsvCells.cell("-1+1")).isEqualTo("'-1+1");
        assertThat(CsvCells.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvCells.cell("Lahore, PK")).isEqualTo("\"Lahore, PK\"");
        assertThat(CsvCells.cell(12L)).isEqualTo("12");
        assertThat(CsvCells.cell(new java.math.BigDecimal("3500.00"))).isEqualTo("3500.00");
        var months = AnalysisViews.table(AnalysisViews.locale(Language.EN), "months", FIGURES);
        assertThat(CsvCells.csv(months.csvHeader(), months.csvRows()))
                .isEqualTo("month,currency,orders,items,sales\r\n2026-11,PKR,3,7,3500.00\r\n2026-11,CNY,2,2,99.00\r\n");
    }

    static List<String> fragments(Messages english) {
        List<String> out = new ArrayList<>();
        for (String value : english.own().values()) {
            for (String part : Pattern.compile("\\{[0-9]+}").split(value)) {
                String f = part.strip().replaceAll("^[\\p{Punct}“”‘’«»·—–\\s]+|[\\p{Punct}“”‘’«»·—–\\s]+$", "");
                if (f.codePoints().filter(Character::isLetter).count() >= 4 && !f.contains("Dukan")) {
                    out.add(f);
                }
            }
        }
        return out;
    }
}
