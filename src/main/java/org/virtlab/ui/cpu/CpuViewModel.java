package org.virtlab.ui.cpu;

import java.util.List;
import org.virtlab.charts.ChartLabels;
import org.virtlab.charts.CpuDemandChart;
import org.virtlab.engine.cpu.DemandSampler;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.ui.i18n.I18n;

/**
 * The CPU tab's state: the demand chart's data. Fed by the shell once per frame with the samples the
 * simulation produced since the last frame.
 */
public final class CpuViewModel {
    private final CpuDemandChart chart;

    public CpuViewModel(I18n i18n) {
        chart = new CpuDemandChart(new ChartLabels(i18n.get("cpu.chart.title"), i18n.get("cpu.chart.time"),
                i18n.get("cpu.chart.ghz"), i18n.get("cpu.chart.capacity")));
    }

    public CpuDemandChart chart() {
        return chart;
    }

    /** Starts the chart over for a scenario: one series per VM, capacity summed over hosts. */
    public void reset(Scenario scenario) {
        List<String> names = scenario.vms().stream().map(VmSpec::name).toList();
        double capacityGhz = scenario.hosts().stream().map(HostSpec::cpu)
                .mapToLong(c -> c.logicalCapacityMhz()).sum() / 1000.0;
        chart.reset(names, capacityGhz);
    }

    public void append(List<DemandSampler.Sample> samples) {
        chart.append(samples);
    }
}
