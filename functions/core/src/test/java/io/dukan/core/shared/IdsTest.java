package io.dukan.core.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void idsAndSecrets_areDrawnWithNativePrng_whichMixesInTheKernelsRandomnessOnEveryCall_onLinux() {
        // what keeps a SnapStart snapshot from repeating ids in every restored environment (see Ids.RANDOM)
        org.junit.jupiter.api.Assumptions.assumeTrue(
                System.getProperty("os.name").startsWith("Linux"), "Lambda and CI run Linux");
        assertThat(Ids.randomAlgorithm()).isEqualTo("NativePRNG");
    }

    @Test
    void newId_sortsByCreationTime_andLooksLikeAnId() throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(Ids.newId());
            Thread.sleep(2);
        }
        assertThat(ids).isSorted().allMatch(id -> Ids.looksLikeId(id, 16)).allMatch(id -> id.length() == 16);
    }

    @Test
    void newSecret_isLongAndUnique() {
        HashSet<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(Ids.newSecret())).isTrue();
        }
        assertThat(seen).allMatch(s -> s.length() == 26 && Ids.looksLikeId(s, 26));
    }

    @Test
    void looksLikeId_refusesSeparatorsAndPathTricks() {
        assertThat(Ids.looksLikeId("abc#def", 16)).isFalse();
        assertThat(Ids.looksLikeId("../abc", 16)).isFalse();
        assertThat(Ids.looksLikeId("ABC", 16)).isFalse();
        assertThat(Ids.looksLikeId("", 16)).isFalse();
        assertThat(Ids.looksLikeId("a".repeat(17), 16)).isFalse();
    }
}
