package org.virtlab.ui.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.virtlab.engine.cpu.Pinning;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.memory.host.HostMemoryPolicy;
import org.virtlab.engine.memory.host.MemoryQos;
import org.virtlab.engine.migration.MigrationSettings;
import org.virtlab.engine.model.CpuTopology;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.LocalizedText;
import org.virtlab.engine.model.NetworkSpec;
import org.virtlab.engine.model.NicSpec;
import org.virtlab.engine.model.PortGroupSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.SwitchSpec;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.ui.common.Formats;
import org.virtlab.ui.i18n.I18n;

/**
 * The read-only rows of the property panel for each kind of element, and the lesson's when nothing is
 * selected: what is shown, not what is edited.
 */
final class PropertyRows {
    private final I18n i18n;
    private final ElementTexts texts;

    PropertyRows(I18n i18n) {
        this.i18n = i18n;
        this.texts = new ElementTexts(i18n);
    }

    List<PropertyRow> host(HostSpec h) {
        List<PropertyRow> out = new ArrayList<>();
        CpuTopology c = h.cpu();
        String general = i18n.get("props.category.general");
        String cpu = i18n.get("props.category.cpu");
        out.add(row(general, "props.id", h.id()));
        out.add(row(general, "props.name", h.name()));
        out.add(row(cpu, "props.sockets", Integer.toString(c.sockets())));
        out.add(row(cpu, "props.coresPerSocket", Integer.toString(c.coresPerSocket())));
        out.add(row(cpu, "props.threadsPerCore", Integer.toString(c.threadsPerCore())));
        out.add(row(cpu, "props.logicalCpus", Integer.toString(c.logicalCpus())));
        out.add(row(cpu, "props.clock", Formats.ghz(c.mhzPerCore())));
        out.add(row(cpu, "props.logicalCapacity", Formats.ghz(c.logicalCapacityMhz())));
        out.add(row(cpu, "props.reservationMode", i18n.get("reservationMode." + h.cpuPolicy().reservationMode()
                .name().toLowerCase(Locale.ROOT))));
        if (c.threadsPerCore() > 1) {
            out.add(fixedRow(cpu, "props.htFactor", String.format(Locale.ROOT, "%.2f", h.cpuPolicy().htFactor())));
        }
        out.add(fixedRow(cpu, "props.quantum",
                String.format(Locale.ROOT, "%.1f ms", h.cpuPolicy().quantumMicros() / 1000.0)));
        out.add(row(i18n.get("props.category.memory"), "props.memory", Formats.memory(h.memoryMib())));
        memoryPolicy(out, h.memoryPolicy());
        return out;
    }

    List<PropertyRow> vm(VmSpec v, HostSpec h) {
        List<PropertyRow> out = new ArrayList<>();
        String general = i18n.get("props.category.general");
        String cpu = i18n.get("props.category.cpu");
        out.add(row(general, "props.id", v.id()));
        out.add(row(general, "props.name", v.name()));
        out.add(row(general, "props.host", h.name()));
        out.add(row(cpu, "props.vcpus", Integer.toString(v.vcpus())));
        out.add(row(cpu, "props.workload", describe(v.workload())));
        out.add(row(cpu, "props.pinning", describe(v.pinning())));
        out.add(row(i18n.get("props.category.memory"), "props.memory", Formats.memory(v.memoryMib())));
        memory(out, v);
        out.add(row(i18n.get("props.category.migration"), "props.dirtyRate", mibPerSecond(v.dirtyMibPerSecond())));
        return out;
    }

    List<PropertyRow> network(Scenario s, NetworkSpec n) {
        List<PropertyRow> out = new ArrayList<>();
        String general = i18n.get("props.category.general");
        String network = i18n.get("props.category.network");
        out.add(row(general, "props.id", n.id()));
        out.add(row(general, "props.name", n.name()));
        out.add(row(general, "props.network.host", s.host(n.hostId()).orElseThrow().name()));
        out.add(row(network, "props.network.mode", i18n.format("props.network.modeValue", texts.modeLabel(n.mode()),
                texts.forward(n.mode()))));
        out.add(row(network, "props.network.subnet", n.subnet() == null ? i18n.get("props.network.noSubnet") : n.subnet()));
        out.add(row(network, "props.network.bridge", n.bridge()));
        out.add(row(network, "props.pluggedIn", texts.nicsWhere(s, nic -> n.id().equals(nic.networkId()))));
        return out;
    }

    List<PropertyRow> switchRows(Scenario s, SwitchSpec sw) {
        List<PropertyRow> out = new ArrayList<>();
        String general = i18n.get("props.category.general");
        String category = i18n.get("props.category.switch");
        out.add(row(general, "props.id", sw.id()));
        out.add(row(general, "props.name", sw.name()));
        List<String> hosts = sw.hostIds().stream().map(id -> s.host(id).orElseThrow().name()).toList();
        out.add(row(category, "props.switch.hosts", list(hosts)));
        List<String> groups = sw.portGroups().stream().map(g -> i18n.format("props.switch.portGroup", g.name(),
                Integer.toString(g.vlanId()))).toList();
        out.add(row(category, "props.switch.portGroups", list(groups)));
        return out;
    }

    List<PropertyRow> portGroup(Scenario s, SwitchSpec sw, PortGroupSpec g) {
        List<PropertyRow> out = new ArrayList<>();
        String general = i18n.get("props.category.general");
        String category = i18n.get("props.category.portGroup");
        out.add(row(general, "props.id", g.id()));
        out.add(row(general, "props.name", g.name()));
        out.add(row(category, "props.portGroup.vlan", Integer.toString(g.vlanId())));
        out.add(row(category, "props.portGroup.switch", sw.name()));
        out.add(row(category, "props.pluggedIn", texts.nicsWhere(s, nic -> g.id().equals(nic.portGroupId()))));
        return out;
    }

    List<PropertyRow> wire(Scenario s, VmSpec vm, int index) {
        String category = i18n.get("props.category.wire");
        NicSpec nic = vm.nics().get(index);
        return List.of(row(category, "props.wire.vm", vm.name()),
                row(category, "props.wire.nic", NicSpec.name(index)),
                row(category, "props.wire.target", texts.target(s, nic)));
    }

    /** One row per selected element: its kind and its name (ids nothing has are left out). */
    List<PropertyRow> several(Scenario s, List<String> ids) {
        String category = i18n.get("props.category.selection");
        return ids.stream().map(id -> texts.named(s, id)).flatMap(Optional::stream)
                .map(n -> new PropertyRow(category, n.kind(), n.name(), "")).toList();
    }

    List<PropertyRow> lesson(Scenario s) {
        List<PropertyRow> out = new ArrayList<>();
        Locale locale = i18n.locale();
        String general = i18n.get("props.category.general");
        out.add(row(general, "props.title", s.title().in(locale)));
        out.add(row(general, "props.goal", s.goal().in(locale)));
        out.add(row(general, "props.hosts", Integer.toString(s.hosts().size())));
        out.add(row(general, "props.vms", Integer.toString(s.vms().size())));
        out.add(row(general, "props.networks", Integer.toString(s.networks().size())));
        out.add(row(general, "props.switches", Integer.toString(s.switches().size())));
        String steps = i18n.get("props.category.steps");
        List<LocalizedText> all = s.steps();
        for (int i = 0; i < all.size(); i++) {
            out.add(new PropertyRow(steps, i18n.format("props.step", Integer.toString(i + 1)), all.get(i).in(locale),
                    i18n.get("props.step.help")));
        }
        String simulation = i18n.get("props.category.simulation");
        out.add(row(simulation, "props.seed", Long.toString(s.seed())));
        out.add(row(simulation, "props.tick", String.format(Locale.ROOT, "%d µs", s.tickMicros())));
        out.add(row(simulation, "props.duration",
                String.format(Locale.ROOT, "%d s", s.durationMicros() / Scenario.MICROS_PER_SECOND)));
        MigrationSettings m = s.migration();
        String migration = i18n.get("props.category.migration");
        out.add(row(migration, "props.bandwidth", m.bandwidthMibPerSecond() + " MiB/s"));
        out.add(row(migration, "props.downtimeLimit", m.downtimeLimitMillis() + " ms"));
        out.add(row(migration, "props.maxRounds", Integer.toString(m.maxRounds())));
        return out;
    }

    /** A VM's memory QoS and demand: "Normal: 20,480", "none", "512 MiB", "1024 MiB". */
    private void memory(List<PropertyRow> out, VmSpec v) {
        String memory = i18n.get("props.category.memory");
        MemoryQos q = v.memoryQos();
        String level = VmMemoryQosEditorModel.levelLabel(i18n, q.shares().level());
        out.add(row(memory, "props.memoryShares", i18n.format("props.memoryShares.value", level,
                VmMemoryQosEditorModel.grouped(q.sharesTotal(v.memoryMib())))));
        out.add(row(memory, "props.memoryLimit", q.limited() ? q.limitMib() + " MiB" : i18n.get("props.none")));
        out.add(row(memory, "props.memoryReservation", q.reservationMib() + " MiB"));
        out.add(row(memory, "props.memoryDemand", v.memoryActivity().demandMib() + " MiB"));
    }

    /** A host's memory states, page sharing and idle tax: "6 / 4 / 2 / 1 %", "Always", "75 %". */
    private void memoryPolicy(List<PropertyRow> out, HostMemoryPolicy p) {
        String memory = i18n.get("props.category.memory");
        out.add(row(memory, "props.memoryStates", NumberField.format(p.highPercent()) + " / "
                + NumberField.format(p.softPercent()) + " / " + NumberField.format(p.hardPercent()) + " / "
                + NumberField.format(p.lowPercent()) + " %"));
        out.add(row(memory, "props.pageSharing", i18n.get("memPolicy.sharing." + p.sharing().name())));
        out.add(row(memory, "props.idleTax", NumberField.format(p.idleTaxPercent()) + " %"));
    }

    /** "64 MiB/s", "12.5 MiB/s". */
    static String mibPerSecond(double rate) {
        return NumberField.format(rate) + " MiB/s";
    }

    private String list(List<String> items) {
        return items.isEmpty() ? i18n.get("props.none") : String.join(i18n.get("props.listSeparator"), items);
    }

    private PropertyRow row(String category, String key, String value) {
        return new PropertyRow(category, i18n.get(key), value, i18n.get(key + ".help"));
    }

    /** A row the simulation cannot change while it runs: its tooltip says so after the usual help. */
    private PropertyRow fixedRow(String category, String key, String value) {
        return new PropertyRow(category, i18n.get(key), value,
                i18n.format("props.fixedAtRunTime", i18n.get(key + ".help")));
    }

    /** A pinning in words: "Not pinned", "All vCPUs: 0-3" or "vCPU 0: 0-1; vCPU 1: 2-3". */
    String describe(Pinning p) {
        if (!p.pinned()) {
            return i18n.get("props.pinning.none");
        }
        if (p.perVcpu().stream().distinct().count() == 1) {
            return i18n.format("props.pinning.all", CpuList.format(p.perVcpu().get(0)));
        }
        List<String> each = new ArrayList<>();
        for (int i = 0; i < p.perVcpu().size(); i++) {
            each.add(i18n.format("props.pinning.vcpu", Integer.toString(i), CpuList.format(p.perVcpu().get(i))));
        }
        return String.join(i18n.get("pinning.hint.separator"), each);
    }

    /** A workload in words, e.g. "Bursty: 90 % for ~800 ms, 10 % for ~1200 ms". */
    String describe(Workload w) {
        if (w instanceof Workload.Idle i) {
            return i18n.format("workload.idle.describe", Formats.percent(i.percent()));
        }
        if (w instanceof Workload.Constant c) {
            return i18n.format("workload.constant.describe", Formats.percent(c.percent()));
        }
        if (w instanceof Workload.Bursty b) {
            return i18n.format("workload.bursty.describe", Formats.percent(b.onPercent()), b.meanOnMillis(),
                    Formats.percent(b.offPercent()), b.meanOffMillis());
        }
        if (w instanceof Workload.Periodic p) {
            return i18n.format("workload.periodic.describe", Formats.percent(p.minPercent()),
                    Formats.percent(p.maxPercent()), p.periodMillis() / 1000.0);
        }
        if (w instanceof Workload.Trace t) {
            return WorkloadEditorModel.describeTrace(i18n, t);
        }
        Workload.Ramp r = (Workload.Ramp) w;
        return i18n.format("workload.ramp.describe", Formats.percent(r.fromPercent()), Formats.percent(r.toPercent()),
                r.durationMillis() / 1000.0);
    }
}
