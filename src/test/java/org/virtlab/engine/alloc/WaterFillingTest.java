package org.virtlab.engine.alloc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.SimRandom;

/** The one water level that shares CPU and memory: the article's examples and agreement with the group solver. */
class WaterFillingTest {
    private static final double EPS = 1e-9;

    private static double[] fill(double[] s, double[] f, double[] c, double k) {
        double[] out = new double[s.length];
        new WaterFilling(s, f, c).fill(k, Arrays.stream(f).sum(), Arrays.stream(c).sum(), out);
        return out;
    }

    @Test
    void sharesOneTwoThreeSplitTwentyFourIntoFourEightAndTwelve() {
        // virtualization.md §1 and §2, the article: 24 GHz (or 24 GB), shares 1:2:3, all wanting it all → 4 / 8 / 12
        double[] out = fill(new double[] {1, 2, 3}, new double[3], new double[] {24, 24, 24}, 24);
        assertArrayEquals(new double[] {4, 8, 12}, out, EPS);
    }

    @Test
    void aCapOfEightLeavesSixteenToTheOthersByTheirShares() {
        // virtualization.md §2: "a VM capped at 8 GB gets 8 even if its shares say 12"; 16 left split 1:2
        double[] out = fill(new double[] {1, 2, 3}, new double[3], new double[] {24, 24, 8}, 24);
        assertArrayEquals(new double[] {16.0 / 3, 32.0 / 3, 8}, out, EPS);
    }

    @Test
    void aFloorTakesItsShortfallFromTheOthersByShares() {
        // virtualization.md §1, the article's second example: VM1 reserves 8 → 8 / 6.4 / 9.6
        double[] out = fill(new double[] {1, 2, 3}, new double[] {8, 0, 0}, new double[] {24, 24, 24}, 24);
        assertArrayEquals(new double[] {8, 6.4, 9.6}, out, EPS);
    }

    @Test
    void everyoneGetsItsCapWhenTheCapsFitAndFloorsShrinkWhenTheyDoNot() {
        double[] s = {1, 1};
        WaterFilling w = new WaterFilling(s, new double[] {6, 2}, new double[] {6, 3});
        double[] out = new double[2];
        assertEquals(Double.POSITIVE_INFINITY, w.fill(10, 8, 9, out));
        assertArrayEquals(new double[] {6, 3}, out, EPS);
        assertEquals(0, w.fill(4, 8, 9, out));
        assertArrayEquals(new double[] {3, 1}, out, EPS); // floors scaled by 4 / 8
    }

    @Test
    void theKeptOrderGivesTheLevelTheGroupSolverFindsFromScratch() {
        SimRandom r = new SimRandom(5);
        int n = 9;
        double[] s = new double[n];
        double[] f = new double[n];
        double[] c = new double[n];
        WaterFilling w = new WaterFilling(s, f, c);
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
            s[i] = 1 + r.nextInt(50);
        }
        double[] out = new double[n];
        for (int round = 0; round < 500; round++) {
            for (int i = 0; i < n; i++) {
                if (r.nextInt(3) == 0) {
                    c[i] = r.nextDouble() * 100;
                    f[i] = Math.min(c[i], r.nextInt(4) == 0 ? r.nextDouble() * 30 : 0);
                }
            }
            double sf = Arrays.stream(f).sum();
            double sc = Arrays.stream(c).sum();
            double k = sf + (sc - sf) * (0.05 + 0.9 * r.nextDouble());
            double level = w.fill(k, sf, sc, out);
            assertEquals(WaterFilling.solve(all, n, s, f, c, k, new double[2 * n]), level, 1e-9 * (1 + level));
            assertEquals(k, Arrays.stream(out).sum(), 1e-9 * k);
        }
    }
}
