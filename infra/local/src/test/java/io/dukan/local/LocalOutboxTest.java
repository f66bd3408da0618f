package io.dukan.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalOutboxTest {

    @Test
    void linkified_makesHttpAddressesLinks_andEscapesEverythingElse() {
        String html = LocalOutbox.linkified("Hi <b>\"you\"</b>, open http://localhost:3000/s/a/admin/invite/abc?x=1&y=2"
                + " now. Not javascript:alert(1) nor <a href=x>.");

        assertThat(html)
                .contains("<a href=\"http://localhost:3000/s/a/admin/invite/abc?x=1&amp;y=2\">")
                .contains("&lt;b&gt;&quot;you&quot;&lt;/b&gt;")
                .contains("javascript:alert(1)")
                .contains("&lt;a href=x&gt;")
                .doesNotContain("<b>")
                .doesNotContain("href=x>");
        assertThat(html.split("<a ", -1)).hasSize(2);
    }
}
