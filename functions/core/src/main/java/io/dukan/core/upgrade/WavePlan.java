package io.dukan.core.upgrade;

import java.util.ArrayList;
import java.util.List;

/**
 * How many stores each wave takes: one canary, then 10 % of the fleet (rounded up), then the rest. Empty waves are
 * left out: a fleet of one store has only the canary, of two a canary and one more.
 */
public final class WavePlan {

    private WavePlan() {}

    public static List<Integer> sizes(int stores) {
        if (stores < 0) {
            throw new IllegalArgumentException("a fleet has no negative size");
        }
        List<Integer> sizes = new ArrayList<>();
        if (stores == 0) {
            return sizes;
        }
        sizes.add(1);
        int left = stores - 1;
        int tenPercent = Math.min(left, (int) Math.ceil(stores / 10.0));
        if (tenPercent > 0) {
            sizes.add(tenPercent);
            left -= tenPercent;
        }
        if (left > 0) {
            sizes.add(left);
        }
        return sizes;
    }
}
