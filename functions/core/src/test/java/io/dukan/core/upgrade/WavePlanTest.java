package io.dukan.core.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WavePlanTest {

    @Test
    void oneStore_isOnlyTheCanary() {
        assertThat(WavePlan.sizes(1)).containsExactly(1);
    }

    @Test
    void twoStores_areTheCanaryAndOneMore() {
        assertThat(WavePlan.sizes(2)).containsExactly(1, 1);
    }

    @Test
    void threeStores_areCanaryTenPercentRoundedUpAndTheRest() {
        assertThat(WavePlan.sizes(3)).containsExactly(1, 1, 1);
    }

    @Test
    void tenPercentIsRoundedUp() {
        assertThat(WavePlan.sizes(10)).containsExactly(1, 1, 8);
        assertThat(WavePlan.sizes(11)).containsExactly(1, 2, 8);
        assertThat(WavePlan.sizes(101)).containsExactly(1, 11, 89);
    }

    @Test
    void aLargeFleet_addsUpToEveryStore() {
        assertThat(WavePlan.sizes(10_000)).containsExactly(1, 1_000, 8_999);
    }

    @Test
    void noStores_noWaves() {
        assertThat(WavePlan.sizes(0)).isEmpty();
        assertThatThrownBy(() -> WavePlan.sizes(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
