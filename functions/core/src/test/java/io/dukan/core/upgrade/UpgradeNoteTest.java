package io.dukan.core.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UpgradeNoteTest {

    @Test
    void aNote_isStoredAsItsKeyAndRawArguments_andReadBackTheSame() {
        UpgradeNote note = UpgradeNote.of(UpgradeNote.ERROR_RATE, 13, 13, 0, 40, 1);
        assertThat(note.encode()).isEqualTo("~errorRate|13|13|0|40|1");
        assertThat(UpgradeNote.decode(note.encode())).isEqualTo(note);
    }

    @Test
    void freeTextInAnArgument_survivesItsBarsAndBackslashes() {
        UpgradeNote note =
                UpgradeNote.of(UpgradeNote.DEPLOY_FAILED, "v2", "bilal-crafts", 2, "Lambda said | no \\ twice |", "");
        assertThat(UpgradeNote.decode(note.encode())).isEqualTo(note);
        assertThat(UpgradeNote.decode(note.encode()).args())
                .containsExactly("v2", "bilal-crafts", "2", "Lambda said | no \\ twice |", "");
    }

    @Test
    void textStoredBeforeNotesHadKeys_isReadAsFreeText_shownAsItIs() {
        String old = "not judged: 0 request(s) in 3 window(s), fewer than 20";
        UpgradeNote read = UpgradeNote.decode(old);
        assertThat(read.isText()).isTrue();
        assertThat(read.english()).isEqualTo(old);
        assertThat(read.encode()).isEqualTo(old);
        assertThat(UpgradeNote.decode("~not a key|x").english()).isEqualTo("~not a key|x");
        assertThat(UpgradeNote.decode("")).isEqualTo(UpgradeNote.NONE);
        assertThat(UpgradeNote.decode(null).isEmpty()).isTrue();
        assertThat(UpgradeNote.NONE.encode()).isEmpty();
    }

    @Test
    void aRate_isShownFromItsCounts_asThePageFormatsIt() {
        UpgradeNote note = UpgradeNote.of(UpgradeNote.PASSED, 1, 8, 0, 0);
        assertThat(List.of(note.arguments(p -> "<" + p + ">"))).containsExactly("<12.5>", 1L, 8L, "<0.0>");
        assertThat(note.english()).isEqualTo("Error rate 12.5 % after the upgrade (1 of 8 requests), 0.0 % before.");
    }
}
