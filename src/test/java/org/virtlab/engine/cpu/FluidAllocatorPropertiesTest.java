package org.virtlab.engine.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.SimRandom;
import org.virtlab.engine.model.CpuTopology;

/**
 * Invariants over random hosts and demands (fixed seed): conservation of capacity, caps and floors, work
 * conservation, agreement with a slow reference solver (bisection), exact entitlements, and results that
 * do not depend on the allocator's history.
 */
class FluidAllocatorPropertiesTest {
    private static final double EPS = 1e-6;
    private static final int HOSTS = 300;
    private static final int TICKS = 40;

    /** A random host set-up; pinned only when asked. */
    private record Setup(CpuTopology cpu, HostCpuPolicy policy, int[] vcpus, Pinning[] pins, CpuQos[] qos) {
        FluidAllocator allocator() {
            FluidAllocator a = new FluidAllocator(cpu, policy, vcpus, pins);
            long reserved = 0;
            long reservable = (long) cpu.cores() * cpu.mhzPerCore();
            for (int i = 0; i < vcpus.length; i++) {
                a.setQos(i, qos[i]);
                boolean fits = reserved + qos[i].reservationMhz() <= reservable; // admission, as CpuSubsystem
                a.setPoweredOn(i, fits);
                reserved += fits ? qos[i].reservationMhz() : 0;
            }
            return a;
        }
    }

    private static Setup randomSetup(SimRandom r, boolean pinned, boolean htAtLeastOne) {
        CpuTopology cpu = new CpuTopology(1, 1 + r.nextInt(8), 1 + r.nextInt(2), 500 + 500 * r.nextInt(6));
        double h = htAtLeastOne ? 1 + r.nextDouble() : 0.5 + 1.5 * r.nextDouble();
        ReservationMode mode = r.nextInt(2) == 0 ? ReservationMode.REUSABLE : ReservationMode.HELD;
        HostCpuPolicy policy = new HostCpuPolicy(mode, h, HostCpuPolicy.DEFAULT_QUANTUM_MICROS);
        int n = 1 + r.nextInt(12);
        int[] vcpus = new int[n];
        Pinning[] pins = new Pinning[n];
        CpuQos[] qos = new CpuQos[n];
        long coresMhz = (long) cpu.cores() * cpu.mhzPerCore();
        for (int i = 0; i < n; i++) {
            vcpus[i] = 1 + r.nextInt(cpu.logicalCpus());
            Shares shares = switch (r.nextInt(4)) {
                case 0 -> Shares.LOW;
                case 1 -> Shares.NORMAL;
                case 2 -> Shares.HIGH;
                default -> Shares.custom(1 + r.nextInt(5_000));
            };
            long reservation = r.nextInt(3) == 0 ? r.nextInt((int) (coresMhz / 2) + 1) : 0;
            long limit = r.nextInt(3) == 0 ? Math.max(1, reservation) + r.nextInt((int) coresMhz) : CpuQos.NO_LIMIT;
            qos[i] = new CpuQos(shares, limit, reservation);
            pins[i] = Pinning.NONE;
            if (pinned && r.nextInt(2) == 0) {
                List<Integer> cpus = new ArrayList<>();
                int first = r.nextInt(cpu.logicalCpus());
                int count = 1 + r.nextInt(3);
                for (int c = first; c < Math.min(cpu.logicalCpus(), first + count); c++) {
                    cpus.add(c);
                }
                pins[i] = Pinning.all(vcpus[i], cpus);
            }
        }
        return new Setup(cpu, policy, vcpus, pins, qos);
    }

    private static void randomDemands(SimRandom r, Setup s, FluidAllocator a) {
        for (int i = 0; i < s.vcpus.length; i++) {
            double max = s.vcpus[i] * (double) s.cpu.mhzPerCore();
            double d = switch (r.nextInt(4)) {
                case 0 -> 0;
                case 1 -> max;
                default -> max * r.nextDouble();
            };
            a.setDemandMhz(i, d);
        }
    }

    /** Independent reference: 200 bisection steps on λ for Σ clamp(λ s, f, c) = k. */
    private static double bisect(double[] s, double[] f, double[] c, double k) {
        double lo = 0;
        double hi = 1;
        while (sum(s, f, c, hi) < k && hi < 1e12) {
            hi *= 2;
        }
        for (int it = 0; it < 200; it++) {
            double mid = (lo + hi) / 2;
            if (sum(s, f, c, mid) < k) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    private static double sum(double[] s, double[] f, double[] c, double level) {
        double t = 0;
        for (int i = 0; i < s.length; i++) {
            t += Math.max(f[i], Math.min(level * s[i], c[i]));
        }
        return t;
    }

    @Test
    void unpinnedAllocationsConserveCapacityRespectCapsAndFloorsAndUseAllTheyCan() {
        SimRandom r = new SimRandom(2024);
        for (int host = 0; host < HOSTS; host++) {
            Setup s = randomSetup(r, false, true);
            FluidAllocator a = s.allocator();
            int n = s.vcpus.length;
            for (int t = 0; t < TICKS; t++) {
                randomDemands(r, s, a);
                a.allocate();
                String where = "host " + host + " tick " + t;
                double used = 0;
                double sumCap = 0;
                double[] sh = new double[n];
                double[] f = new double[n];
                double[] c = new double[n];
                for (int i = 0; i < n; i++) {
                    double u = a.usedMhz(i);
                    used += u;
                    sumCap += a.capMhz(i);
                    assertTrue(u <= a.capMhz(i) + EPS, where);
                    assertTrue(a.capMhz(i) <= a.demandMhz(i) + EPS, where);
                    assertTrue(u >= a.floorMhz(i) - EPS, where + ": floors fit when admission held");
                    assertTrue(a.entitlementMhz(i) >= u - EPS, where);
                    sh[i] = a.shares(i);
                    f[i] = a.floorMhz(i);
                    c[i] = a.capMhz(i);
                }
                double available = a.capacityMhz() - a.heldIdleMhz();
                assertTrue(used + a.heldIdleMhz() <= a.capacityMhz() + EPS, where);
                // work conservation: the host is full, or everyone has its cap
                assertEquals(Math.min(available, sumCap), used, EPS, where);
                if (sumCap > available) {
                    double level = bisect(sh, f, c, available);
                    for (int i = 0; i < n; i++) {
                        double expected = Math.max(f[i], Math.min(level * sh[i], c[i]));
                        assertEquals(expected, a.usedMhz(i), 1e-5, where + " vm " + i);
                    }
                }
            }
        }
    }

    @Test
    void entitlementIsWhatTheVmGetsWithUnboundedDemand() {
        SimRandom r = new SimRandom(77);
        for (int host = 0; host < HOSTS; host++) {
            boolean pinned = host % 3 == 0;
            Setup s = randomSetup(r, pinned, true);
            FluidAllocator a = s.allocator();
            FluidAllocator reference = s.allocator();
            int n = s.vcpus.length;
            for (int t = 0; t < 10; t++) {
                randomDemands(r, s, a);
                a.allocate();
                for (int j = 0; j < n; j++) {
                    for (int i = 0; i < n; i++) {
                        reference.setDemandMhz(i, i == j ? 1e12 : a.demandMhz(i));
                    }
                    reference.allocate();
                    assertEquals(reference.usedMhz(j), a.entitlementMhz(j), 1e-6,
                            "host " + host + " tick " + t + " vm " + j + (pinned ? " (pinned)" : ""));
                }
            }
        }
    }

    @Test
    void pinnedAllocationsNeverExceedAPinnedSetOrTheHost() {
        SimRandom r = new SimRandom(99);
        for (int host = 0; host < HOSTS; host++) {
            Setup s = randomSetup(r, true, false);
            FluidAllocator a = s.allocator();
            for (int t = 0; t < TICKS; t++) {
                randomDemands(r, s, a);
                a.allocate();
                double used = 0;
                for (int i = 0; i < s.vcpus.length; i++) {
                    used += a.usedMhz(i);
                    assertTrue(a.usedMhz(i) <= a.capMhz(i) + EPS);
                    assertTrue(a.usedMhz(i) >= -EPS);
                }
                assertTrue(used <= a.capacityMhz() + EPS, "host " + host + " tick " + t + ": " + used + " > "
                        + a.capacityMhz() + " " + s);
                // held reservations fit in cores × clock (admission), hence in C unless the HT factor is below 1
                assertTrue(used + a.heldIdleMhz() <= a.capacityMhz() + EPS || s.policy.htFactor() < 1,
                        "host " + host + " tick " + t);
                PinnedFilling pins = a.pins();
                if (pins != null) {
                    for (int k = 0; k < pins.constraintCount(); k++) {
                        double inSet = 0;
                        for (int i : pins.members(k)) {
                            inSet += a.usedMhz(i);
                        }
                        double limit = pins.limitMhz(k);
                        assertTrue(inSet <= limit + EPS || (k == pins.constraintCount() - 1 && limit < 0),
                                "host " + host + " set " + k + " of " + pins.constraintCount() + ": " + inSet + " > " + limit
                                + " idle " + a.heldIdleMhz() + " C " + a.capacityMhz());
                    }
                }
            }
        }
    }

    @Test
    void resultsDoNotDependOnTheAllocatorsHistory() {
        SimRandom r = new SimRandom(5);
        for (int host = 0; host < 100; host++) {
            Setup s = randomSetup(r, host % 4 == 0, false);
            FluidAllocator warm = s.allocator();
            for (int t = 0; t < TICKS; t++) {
                randomDemands(r, s, warm);
                warm.allocate();
                FluidAllocator fresh = s.allocator();
                for (int i = 0; i < s.vcpus.length; i++) {
                    fresh.setDemandMhz(i, warm.demandMhz(i));
                }
                fresh.allocate();
                for (int i = 0; i < s.vcpus.length; i++) {
                    // bit for bit: the breakpoint order is total (value, then number), never the previous tick's
                    assertEquals(fresh.usedMhz(i), warm.usedMhz(i));
                    assertEquals(fresh.entitlementMhz(i), warm.entitlementMhz(i));
                }
            }
        }
    }

    @Test
    void resultsDoNotDependOnHistoryAcrossQosPowerAndModeChanges() {
        // the allocator caches what only changes with the QoS (caps without demand, breakpoint keys): a warm one
        // whose QoS, power and mode changed along the way must still agree bit for bit with a fresh one
        SimRandom r = new SimRandom(11);
        for (int host = 0; host < 100; host++) {
            Setup s = randomSetup(r, host % 4 == 0, false);
            int n = s.vcpus.length;
            CpuQos[] qos = s.qos.clone();
            boolean[] on = new boolean[n];
            FluidAllocator warm = s.allocator();
            for (int i = 0; i < n; i++) {
                on[i] = warm.poweredOn(i);
            }
            ReservationMode mode = s.policy.reservationMode();
            long coresMhz = (long) s.cpu.cores() * s.cpu.mhzPerCore();
            for (int t = 0; t < TICKS; t++) {
                int changed = r.nextInt(n);
                switch (r.nextInt(4)) {
                    case 0 -> {
                        Shares shares = r.nextInt(2) == 0 ? Shares.custom(1 + r.nextInt(5_000)) : Shares.HIGH;
                        qos[changed] = new CpuQos(shares, qos[changed].limitMhz(), qos[changed].reservationMhz());
                        warm.setQos(changed, qos[changed]);
                    }
                    case 1 -> {
                        long limit = r.nextInt(2) == 0 ? CpuQos.NO_LIMIT : 1 + r.nextInt((int) coresMhz);
                        qos[changed] = new CpuQos(qos[changed].shares(), Math.max(limit, qos[changed].reservationMhz()),
                                qos[changed].reservationMhz());
                        warm.setQos(changed, qos[changed]);
                    }
                    case 2 -> {
                        on[changed] = !on[changed];
                        warm.setPoweredOn(changed, on[changed]);
                    }
                    default -> {
                        mode = mode == ReservationMode.HELD ? ReservationMode.REUSABLE : ReservationMode.HELD;
                        warm.setReservationMode(mode);
                    }
                }
                randomDemands(r, s, warm);
                warm.allocate();
                FluidAllocator fresh = new FluidAllocator(s.cpu, new HostCpuPolicy(mode, s.policy.htFactor(),
                        s.policy.quantumMicros()), s.vcpus, s.pins);
                for (int i = 0; i < n; i++) {
                    fresh.setQos(i, qos[i]);
                    fresh.setPoweredOn(i, on[i]);
                    fresh.setDemandMhz(i, warm.demandMhz(i));
                }
                fresh.allocate();
                String where = "host " + host + " tick " + t;
                assertEquals(fresh.capacityMhz(), warm.capacityMhz(), where);
                assertEquals(fresh.levelMhzPerShare(), warm.levelMhzPerShare(), where);
                for (int i = 0; i < n; i++) {
                    assertEquals(fresh.usedMhz(i), warm.usedMhz(i), where + " vm " + i);
                    assertEquals(fresh.entitlementMhz(i), warm.entitlementMhz(i), where + " vm " + i);
                }
            }
        }
    }

    @Test
    void capacityFollowsTheHyperThreadingModel() {
        // 4 cores × 2 threads at 1000 MHz, factor 1.3: up to 4 busy threads, one per core: 4000 MHz
        assertEquals(4_000, FluidAllocator.capacityMhz(4, 2, 1_000, 1.3, 3_500), 1e-9);
        // 6 busy threads: 2 cores with both threads busy → 1000 × (4 + 0.3 × 2) = 4600
        assertEquals(4_600, FluidAllocator.capacityMhz(4, 2, 1_000, 1.3, 6_000), 1e-9);
        // more than 8 threads' worth asked: every core doubled → 5200 at most
        assertEquals(5_200, FluidAllocator.capacityMhz(4, 2, 1_000, 1.3, 20_000), 1e-9);
        // without hyper-threading: cores × clock whatever is asked
        assertEquals(4_000, FluidAllocator.capacityMhz(4, 1, 1_000, 1.3, 20_000), 1e-9);
    }
}
