package io.dukan.core.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dukan.core.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class EmailMessageTest {

    @Test
    void message_normalisesAddresses_andKeepsAnOptionalReplyTo() {
        EmailMessage m = new EmailMessage(" Aisha@Example.COM ", " Hello ", "Body", "Owner@Shop.example");

        assertThat(m.to()).isEqualTo("aisha@example.com");
        assertThat(m.subject()).isEqualTo("Hello");
        assertThat(m.replyToAddress()).hasValue("owner@shop.example");
        assertThat(new EmailMessage("a@b.example", "s", "t").replyToAddress()).isEmpty();
    }

    @Test
    void message_rejects_addressesThatAreNotOneAddress() {
        for (String bad : new String[] {
            null,
            "",
            "no-at-sign",
            "a@b",
            "a b@c.example",
            "a@b.example, c@d.example",
            "Name <a@b.example>",
            "a@b.example\r\nBcc: x@y.example"
        }) {
            assertThatThrownBy(() -> new EmailMessage(bad, "s", "t"))
                    .as(String.valueOf(bad))
                    .isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> new EmailMessage("a@b.example", "s", "t", "not an address"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("email");
    }

    @Test
    void message_rejects_aSubjectThatCouldAddHeaders_andEmptyOrHugeParts() {
        assertThatThrownBy(() -> new EmailMessage("a@b.example", "Hi\r\nBcc: x@y.example", "t"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("one line");
        assertThatThrownBy(() -> new EmailMessage("a@b.example", " ", "t")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new EmailMessage("a@b.example", "s", "")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new EmailMessage("a@b.example", "s", "x".repeat(EmailMessage.MAX_TEXT + 1)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void toString_leavesOutTheBody_whichCarriesOneTimeLinks() {
        assertThat(new EmailMessage("a@b.example", "Reset", "https://x/reset/secret").toString())
                .doesNotContain("secret");
    }
}
