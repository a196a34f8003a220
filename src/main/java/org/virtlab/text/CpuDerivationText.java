package org.virtlab.text;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.virtlab.engine.cpu.CpuDerivation;
import org.virtlab.engine.cpu.CpuQos;
import org.virtlab.engine.cpu.ReservationMode;

/**
 * Renders a CPU allocation's derivation (engine data) as numbered sentences in English or Chinese, for
 * the CPU tab and {@code virtlab explain cpu}: capacity, caps, contention, the shares level,
 * reservations topped up from the others by their shares, held reservations, pinned sets, the result.
 */
public final class CpuDerivationText {
    private final ResourceBundle texts;
    private final Locale locale;
    private final Function<String, String> vmName;

    /** @param vmName display name of a VM id (the id itself if unknown) */
    public CpuDerivationText(Locale locale, Function<String, String> vmName) {
        this.locale = locale;
        this.texts = Bundles.load(CpuDerivationText.class, "derivation", locale);
        this.vmName = vmName;
    }

    /** One line per step, without numbering. */
    public List<String> lines(CpuDerivation d, String hostName) {
        List<String> out = new ArrayList<>();
        for (CpuDerivation.Step step : d.steps()) {
            if (step instanceof CpuDerivation.Capacity c) {
                out.add(capacity(c, hostName));
            } else if (step instanceof CpuDerivation.Caps caps) {
                out.add(f("caps", caps.vms().stream().map(this::cap).collect(Collectors.joining(sep()))));
            } else if (step instanceof CpuDerivation.Floors floors) {
                String list = floors.vms().stream().filter(v -> v.reservationMhz() > 0)
                        .map(v -> f("floor", name(v.vmId()), ghz(v.reservationMhz()), ghz(v.floorMhz())))
                        .collect(Collectors.joining(sep()));
                if (!list.isEmpty()) {
                    out.add(f("floors", list));
                }
            } else if (step instanceof CpuDerivation.HeldIdle held) {
                if (held.idleMhz() > 0) {
                    String list = held.vms().stream().filter(v -> v.idleMhz() > 0)
                            .map(v -> f("heldVm", name(v.vmId()), ghz(v.reservationMhz()), ghz(v.capMhz()), ghz(v.idleMhz())))
                            .collect(Collectors.joining(sep()));
                    out.add(f("held", list, ghz(held.idleMhz()), ghz(held.remainingMhz())));
                }
            } else if (step instanceof CpuDerivation.Contention c) {
                if (!c.contended()) {
                    out.add(f("uncontended", ghz(c.totalCapMhz()), ghz(c.availableMhz())));
                } else if (c.totalCapMhz() <= c.availableMhz()) {
                    // the host has room, but pinned VMs compete for the CPUs they are pinned to
                    out.add(f("contendedPinned", ghz(c.totalCapMhz()), ghz(c.availableMhz())));
                } else {
                    out.add(f("contended", ghz(c.totalCapMhz()), ghz(c.availableMhz())));
                }
            } else if (step instanceof CpuDerivation.SharesLevel level) {
                if (Double.isFinite(level.mhzPerShare())) {
                    String shares = level.vms().stream().map(this::shareOf).collect(Collectors.joining(sep()));
                    out.add(f("level", num(level.mhzPerShare(), 4), level.totalShares(), shares));
                }
            } else if (step instanceof CpuDerivation.ReservationTopUp top) {
                out.add(topUp(top));
            } else if (step instanceof CpuDerivation.PinnedSets sets) {
                for (CpuDerivation.PinnedSet s : sets.sets()) {
                    out.add(f(s.tight() ? "pinnedTight" : "pinnedRoom", s.cpus().toString(), ghz(s.capacityMhz()),
                            s.vmIds().stream().map(this::name).collect(Collectors.joining(sep())), ghz(s.usedMhz())));
                }
            } else if (step instanceof CpuDerivation.Result r) {
                String list = r.vms().stream().map(v -> f("resultVm", name(v.vmId()), ghz(v.usedMhz()),
                        ghz(v.entitlementMhz()))).collect(Collectors.joining(sep()));
                out.add(f("result", list, ghz(r.usedMhz()), ghz(r.capacityMhz()), ghz(r.idleMhz())));
            }
        }
        return out;
    }

    /** The whole derivation as numbered lines, with a heading naming the host and the reservation mode. */
    public String text(CpuDerivation d, String hostName) {
        StringBuilder b = new StringBuilder(f("heading", hostName, texts.getString(
                d.reservationMode() == ReservationMode.HELD ? "mode.held" : "mode.reusable")));
        List<String> lines = lines(d, hostName);
        for (int i = 0; i < lines.size(); i++) {
            b.append('\n').append(i + 1).append(". ").append(lines.get(i));
        }
        return b.toString();
    }

    private String capacity(CpuDerivation.Capacity c, String hostName) {
        if (c.htBonusMhz() == 0) {
            return f("capacity", hostName, c.cores(), ghz(c.mhzPerCore()), ghz(c.capacityMhz()));
        }
        return f("capacityHt", hostName, c.cores(), ghz(c.mhzPerCore()), ghz(c.coresMhz()), num(c.busyThreads(), 2),
                num(c.htFactor(), 2), ghz(c.htBonusMhz()), ghz(c.capacityMhz()));
    }

    private String shareOf(CpuDerivation.VmShare v) {
        return switch (v.bound()) {
            case CAP, PINNED_SET -> f("shareOfCapped", name(v.vmId()), v.shares(), ghz(v.levelMhz()), ghz(v.allocatedMhz()));
            case FLOOR -> f("shareOfFloor", name(v.vmId()), v.shares(), ghz(v.levelMhz()), ghz(v.allocatedMhz()));
            case LEVEL -> f("shareOf", name(v.vmId()), v.shares(), ghz(v.levelMhz()));
        };
    }

    private String cap(CpuDerivation.VmCap v) {
        String why = switch (v.reason()) {
            case DEMAND -> f("why.demand");
            case LIMIT -> f("why.limit", ghz(v.limitMhz()));
            case VCPUS -> f("why.vcpus", v.vcpus());
            case PINNING -> f("why.pinning", ghz(v.pinnedMhz()));
        };
        return f("cap", name(v.vmId()), ghz(v.capMhz()), why);
    }

    private String topUp(CpuDerivation.ReservationTopUp top) {
        String raised = top.raised().stream().map(r -> f("raised", name(r.vmId()), ghz(r.reservationMhz()),
                ghz(r.bySharesMhz()), ghz(r.shortfallMhz()))).collect(Collectors.joining(sep()));
        String ratio = top.givers().stream().map(g -> Long.toString(g.shares())).collect(Collectors.joining(":"));
        String names = top.givers().stream().map(g -> name(g.vmId())).collect(Collectors.joining(sep()));
        String gives = top.givers().stream().map(g -> f("gives", name(g.vmId()),
                fraction(g.shares(), top.giverSharesTotal()), ghz(top.shortfallMhz()), ghz(g.givesMhz())))
                .collect(Collectors.joining(sep()));
        return f("topUp", raised, ghz(top.shortfallMhz()), names, ratio, gives);
    }

    /** "2/5" for 2000 of 5000 shares. */
    static String fraction(long part, long whole) {
        long g = gcd(part, whole);
        return g == 0 ? part + "/" + whole : (part / g) + "/" + (whole / g);
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private String name(String vmId) {
        return vmName.apply(vmId);
    }

    private String sep() {
        return texts.getString("separator");
    }

    private String ghz(double mhz) {
        if (mhz == CpuQos.NO_LIMIT || Double.isInfinite(mhz)) {
            return texts.getString("unlimited");
        }
        return String.format(Locale.ROOT, "%.2f GHz", mhz / 1000.0);
    }

    private static String num(double v, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    private String f(String key, Object... args) {
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            plain[i] = args[i] instanceof Number n ? Long.toString(n.longValue()) : args[i];
        }
        return new MessageFormat(texts.getString(key), locale).format(plain);
    }
}
