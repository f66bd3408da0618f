package io.dukan.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dukan.core.shared.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void parse_readsQuotedCommasQuotesAndNewlines_andKeepsEachRecordsStartLine() {
        List<Csv.Row> rows = Csv.parse("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,,\n");

        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).fields()).containsExactly("x, y", "say \"hi\"", "two\nlines");
        assertThat(rows.get(1).line()).isEqualTo(2);
        assertThat(rows.get(2).line()).isEqualTo(4);
        assertThat(rows.get(2).fields()).containsExactly("last", "", "");
    }

    @Test
    void parse_skipsAByteOrderMark() {
        assertThat(Csv.parse("\uFEFFHandle,Title\n").get(0).fields()).containsExactly("Handle", "Title");
    }

    @Test
    void parse_refusesAnUnclosedQuote_namingItsLine() {
        assertThatThrownBy(() -> Csv.parse("a\n\"open,b\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 2");
    }

    @Test
    void writeRow_quotesWhatNeedsIt_andParseReadsItBack() {
        StringBuilder out = new StringBuilder();
        List<String> fields = List.of("plain", "with, comma", "with \"quote\"", "two\nlines", "");
        Csv.writeRow(out, fields);

        assertThat(Csv.parse(out.toString()).get(0).fields()).containsExactlyElementsOf(fields);
    }

    @Test
    void writeRow_neutralisesSpreadsheetFormulas() {
        StringBuilder out = new StringBuilder();
        Csv.writeRow(out, List.of("=HYPERLINK(\"x\")"));

        assertThat(out.toString()).startsWith("\"'=");
    }
}
