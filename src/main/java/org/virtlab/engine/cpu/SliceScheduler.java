package org.virtlab.engine.cpu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.virtlab.engine.EventKind;
import org.virtlab.engine.EventSink;
import org.virtlab.engine.model.CpuTopology;

/**
 * Turns one host's fluid CPU allocation (MHz per VM, recomputed every tick) into concrete time slices:
 * which vCPU runs on which logical CPU from when to when. This is what the classroom animation shows;
 * the fluid allocation stays the truth the slices realise.
 *
 * <p><b>Algorithm</b> (a credit scheduler after Xen's, ../shared/reference/virtualization.md §1):
 * <ul>
 *   <li>Every vCPU earns <i>credit</i> (MHz·µs of work) at its share of its VM's fluid allocation
 *       (allocation ÷ vCPUs) and pays for the work it delivers. Credit is capped at one quantum of a full
 *       core, so a VM cannot hoard what it did not use.</li>
 *   <li>Every vCPU queues <i>backlog</i> at its share of the VM's demand (at most one core's worth,
 *       capped at one quantum). A vCPU is runnable from the moment 1 ms of work has queued until its
 *       backlog runs dry; a VM without demand has no runnable vCPU.</li>
 *   <li>A slice ends at the end of its quantum ({@link HostCpuPolicy#quantumMicros()}), or earlier, to the
 *       microsecond, when the vCPU runs out of credit or backlog or its VM reaches its limit. Freed logical
 *       CPUs are then refilled from the runnable vCPUs with enough credit to start (enough for a whole
 *       quantum or their whole backlog, but at most their part of a small per-VM stock, see
 *       {@link #STOCK_MICROS_PER_CPU}; at least 1 ms), most credit first (ties by VM index, then vCPU
 *       index), each placed on an allowed idle CPU, preferring a whole idle core, then
 *       the CPU it last ran on, then the lowest number. A vCPU never runs on two CPUs at once and never
 *       outside its {@link Pinning}. Running slices are not pre-empted.</li>
 *   <li>Limits are enforced per 100 ms period, cgroup v2's default {@code cpu.max} period: a VM that has
 *       received its limit's worth of work in the current period is parked until the next one.</li>
 *   <li>Hyper-threading: a vCPU on a thread whose sibling is busy delivers mhz × htFactor ÷ 2; alone on
 *       its core, mhz.</li>
 * </ul>
 * Because credit is earned at exactly the fluid rate and stays within a bounded band, the work each VM
 * receives tracks its fluid allocation over any window long compared with a quantum.
 *
 * <p>Hot state lives in arrays indexed by logical CPU, by VM and by global vCPU number (VM-major). Apart
 * from growing the history ring buffers, {@link #tick} allocates nothing. Deterministic and single-threaded,
 * as the whole engine is.
 */
public final class SliceScheduler {
    /** Default length of the slice history kept for the animation. */
    public static final long DEFAULT_HISTORY_MICROS = 500_000;
    /** Limit enforcement period: cgroup v2 cpu.max's default "max 100000" (virtualization.md §1). */
    public static final long LIMIT_PERIOD_MICROS = 100_000;
    /** A blocked vCPU wakes once this much work (at full core speed) has queued. */
    static final long WAKE_MICROS = 1_000;
    /** A vCPU is started only with credit for at least this long at full core speed. */
    static final long MIN_START_MICROS = 1_000;

    /**
     * The most credit the start rule makes a VM hold, in µs of the whole host: 5 ms × logical CPUs, 0.5 % of
     * the host's capacity over one second (a quarter of the 2 % by which slices may differ from the fluid
     * allocation; the rest is for credit a VM earns while it waits for a CPU).
     */
    static final long STOCK_MICROS_PER_CPU = 5_000;

    // configuration
    private final CpuTopology topology;
    private final HostCpuPolicy policy;
    private final List<SliceVm> vmList;
    private final int cpus;
    private final int vmCount;
    private final int vcpuTotal;
    private final double mhz;
    private final double htMhz;
    private final long quantumMicros;
    private final int[] sibling;
    private final int[] vcpus;
    private final int[] firstVcpu;
    private final int[] vmOf;
    private final int[] vcpuOf;
    private final boolean[] pinned;
    private final boolean[] allowed;
    private final double[] creditCap;
    private final double backlogCap;
    private final double wakeBacklog;
    private final double minStartCredit;
    private final double minStartBacklog;
    private final double[] stockPerVcpu;

    // inputs of the current tick, per VM
    private final double[] creditRate;
    private final double[] demandRate;
    private final double[] quota;

    // mutable state
    private boolean started;
    private long nowMicros;
    private long periodEndMicros;
    private double[] credit;
    private double[] backlog;
    private boolean[] runnable;
    private int[] runningOn;
    private int[] lastCpu;
    /** Per logical CPU, the vCPU that ran there last (−1: none yet): a start of another is a journaled switch. */
    private int[] lastVcpuOn;
    private int[] current;
    private long[] sliceStart;
    private long[] sliceEnd;
    private double[] rateOf;
    private double[] usedInPeriod;
    private boolean[] parked;
    private long[] runMicros;
    private double[] workMhzMicros;
    private long[] readyMicros;
    private long[] limitedMicros;
    private SliceHistory history;
    private final long historyMicros;

    // where the tick under way emits its switches: not state
    private EventSink events = EventSink.OFF;
    private String hostId;
    private String[] vmIds;

    // scratch
    private final double[] vmRate;
    private final double[] startRate;
    private final int[] candidates;

    public SliceScheduler(CpuTopology topology, HostCpuPolicy policy, List<SliceVm> vms) {
        this(topology, policy, vms, DEFAULT_HISTORY_MICROS);
    }

    public SliceScheduler(CpuTopology topology, HostCpuPolicy policy, List<SliceVm> vms, long historyMicros) {
        if (historyMicros < 0) {
            throw new IllegalArgumentException("history length must not be negative: " + historyMicros);
        }
        this.topology = topology;
        this.policy = policy;
        vmList = List.copyOf(vms);
        cpus = topology.logicalCpus();
        vmCount = vms.size();
        mhz = topology.mhzPerCore();
        htMhz = mhz * policy.htFactor() / 2;
        quantumMicros = policy.quantumMicros();
        this.historyMicros = historyMicros;
        sibling = new int[cpus];
        for (int p = 0; p < cpus; p++) {
            // logical CPU = core × threadsPerCore + thread: siblings are adjacent
            sibling[p] = topology.threadsPerCore() == 2 ? p ^ 1 : -1;
        }
        vcpus = new int[vmCount];
        firstVcpu = new int[vmCount];
        int total = 0;
        for (int v = 0; v < vmCount; v++) {
            firstVcpu[v] = total;
            vcpus[v] = vms.get(v).vcpus();
            total += vcpus[v];
        }
        vcpuTotal = total;
        vmOf = new int[total];
        vcpuOf = new int[total];
        pinned = new boolean[total];
        allowed = new boolean[total * cpus];
        int g = 0;
        for (int v = 0; v < vmCount; v++) {
            Pinning pin = vms.get(v).pinning();
            if (pin.highestCpu() >= cpus) {
                throw new IllegalArgumentException(
                        "VM " + v + " is pinned to logical CPU " + pin.highestCpu() + " of a host with " + cpus);
            }
            for (int i = 0; i < vcpus[v]; i++, g++) {
                vmOf[g] = v;
                vcpuOf[g] = i;
                pinned[g] = pin.pinned();
                if (pin.pinned()) {
                    for (int p : pin.perVcpu().get(i)) {
                        allowed[g * cpus + p] = true;
                    }
                }
            }
        }
        backlogCap = quantumMicros * mhz;
        wakeBacklog = Math.min(WAKE_MICROS, quantumMicros) * mhz;
        minStartCredit = Math.min(MIN_START_MICROS, quantumMicros) * mhz;
        minStartBacklog = 2 * mhz;
        stockPerVcpu = new double[vmCount];
        creditCap = new double[vmCount];
        for (int v = 0; v < vmCount; v++) {
            stockPerVcpu[v] = (double) STOCK_MICROS_PER_CPU * cpus * mhz / vcpus[v];
            // one quantum of a full core, as Xen caps credit; tighter caps starve VMs that wait for a CPU
            creditCap[v] = quantumMicros * mhz;
        }

        creditRate = new double[vmCount];
        demandRate = new double[vmCount];
        quota = new double[vmCount];
        credit = new double[total];
        backlog = new double[total];
        runnable = new boolean[total];
        runningOn = new int[total];
        Arrays.fill(runningOn, -1);
        lastCpu = new int[total];
        Arrays.fill(lastCpu, -1);
        current = new int[cpus];
        Arrays.fill(current, -1);
        lastVcpuOn = new int[cpus];
        Arrays.fill(lastVcpuOn, -1);
        sliceStart = new long[cpus];
        sliceEnd = new long[cpus];
        rateOf = new double[cpus];
        usedInPeriod = new double[vmCount];
        parked = new boolean[vmCount];
        runMicros = new long[vmCount];
        workMhzMicros = new double[vmCount];
        readyMicros = new long[vmCount];
        limitedMicros = new long[vmCount];
        history = new SliceHistory(cpus, historyMicros);
        vmRate = new double[vmCount];
        startRate = new double[vmCount];
        candidates = new int[total];
    }

    /**
     * Schedules the tick {@code [nowMicros, nowMicros + tickMicros)}.
     *
     * @param allocationMhz the fluid allocation of each VM for this tick (0 for a powered-off VM)
     * @param demandMhz     what each VM's guest asks for
     * @param limitMhz      each VM's limit, {@link Double#POSITIVE_INFINITY} for none
     */
    public void tick(long nowMicros, long tickMicros, double[] allocationMhz, double[] demandMhz, double[] limitMhz) {
        tick(nowMicros, tickMicros, allocationMhz, demandMhz, limitMhz, EventSink.OFF, null, null);
    }

    /**
     * As {@link #tick(long, long, double[], double[], double[])}, emitting a {@link EventKind#VCPU_SWITCH} each time a
     * logical CPU starts a vCPU other than the one that ran there last (a slice of the same vCPU again is no switch).
     *
     * @param hostId this host's id, for the events
     * @param vmIds  the id of each VM, in this scheduler's numbering
     */
    public void tick(long nowMicros, long tickMicros, double[] allocationMhz, double[] demandMhz, double[] limitMhz,
                     EventSink events, String hostId, String[] vmIds) {
        this.events = events;
        this.hostId = hostId;
        this.vmIds = vmIds;
        try {
            schedule(nowMicros, tickMicros, allocationMhz, demandMhz, limitMhz);
        } finally {
            this.events = EventSink.OFF;
            this.vmIds = null;
        }
    }

    private void schedule(long nowMicros, long tickMicros, double[] allocationMhz, double[] demandMhz,
                          double[] limitMhz) {
        if (tickMicros <= 0) {
            throw new IllegalArgumentException("a tick lasts at least 1 µs, was " + tickMicros);
        }
        if (allocationMhz.length != vmCount || demandMhz.length != vmCount || limitMhz.length != vmCount) {
            throw new IllegalArgumentException("expected one allocation, demand and limit per VM (" + vmCount + ")");
        }
        if (!started) {
            started = true;
            this.nowMicros = nowMicros;
            periodEndMicros = (Math.floorDiv(nowMicros, LIMIT_PERIOD_MICROS) + 1) * LIMIT_PERIOD_MICROS;
        } else if (nowMicros != this.nowMicros) {
            if (nowMicros < this.nowMicros) {
                throw new IllegalArgumentException("time went back from " + this.nowMicros + " to " + nowMicros);
            }
            // a gap: nothing ran in it
            for (int p = 0; p < cpus; p++) {
                if (current[p] >= 0) {
                    stop(p, this.nowMicros);
                }
            }
            this.nowMicros = nowMicros;
        }
        for (int v = 0; v < vmCount; v++) {
            creditRate[v] = Math.max(0, allocationMhz[v]) / vcpus[v];
            double demand = Math.max(0, demandMhz[v]);
            demandRate[v] = Math.min(mhz, demand / vcpus[v]);
            double limit = limitMhz[v];
            quota[v] = limit == Double.POSITIVE_INFINITY ? Double.POSITIVE_INFINITY
                    : Math.max(0, limit) * LIMIT_PERIOD_MICROS;
            if (demand == 0) {
                for (int g = firstVcpu[v], e = g + vcpus[v]; g < e; g++) {
                    backlog[g] = 0;
                    runnable[g] = false;
                }
            }
        }
        long end = nowMicros + tickMicros;
        long t = nowMicros;
        while (true) {
            decide(t);
            long next = nextEvent(t, end);
            advance(next - t);
            t = next;
            if (t >= end) {
                break;
            }
        }
        this.nowMicros = end;
    }

    /** At {@code t}: starts a new limit period if due, ends the slices that must end, fills idle CPUs. */
    private void decide(long t) {
        if (t >= periodEndMicros) {
            Arrays.fill(usedInPeriod, 0);
            Arrays.fill(parked, false);
            periodEndMicros = (Math.floorDiv(t, LIMIT_PERIOD_MICROS) + 1) * LIMIT_PERIOD_MICROS;
        }
        for (int v = 0; v < vmCount; v++) {
            // less than 1 µs left at the rate it last ran at, or at one full core
            if (!parked[v] && quota[v] - usedInPeriod[v] < 2 * Math.max(vmRate[v], mhz)) {
                parked[v] = quota[v] != Double.POSITIVE_INFINITY;
            }
        }
        int idle = 0;
        for (int p = 0; p < cpus; p++) {
            int g = current[p];
            if (g >= 0) {
                int v = vmOf[g];
                double rate = rateOf[p];
                boolean end = t >= sliceEnd[p] || parked[v] || !runnable[g];
                double backlogDrain = rate - demandRate[v];
                if (backlogDrain > 0 && backlog[g] < backlogDrain) {
                    runnable[g] = false; // less than 1 µs of work left: blocks
                    end = true;
                }
                double creditDrain = rate - creditRate[v];
                if (creditDrain > 0 && credit[g] < creditDrain) {
                    end = true; // less than 1 µs of credit left
                }
                if (end) {
                    stop(p, t);
                }
            }
            if (current[p] < 0) {
                idle++;
            }
        }
        if (idle > 0) {
            fill(t, idle);
        }
    }

    /** Starts eligible vCPUs on idle CPUs, most credit first. */
    private void fill(long t, int idle) {
        int k = 0;
        for (int g = 0; g < vcpuTotal; g++) {
            int v = vmOf[g];
            if (runningOn[g] < 0 && runnable[g] && !parked[v]
                    && backlog[g] >= minStartBacklog && credit[g] >= creditToStart(g, v)) {
                candidates[k++] = g;
            }
        }
        if (k == 0) {
            return;
        }
        System.arraycopy(vmRate, 0, startRate, 0, vmCount);
        int left = k;
        while (idle > 0 && left > 0) {
            int bestIndex = -1;
            double bestCredit = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < k; i++) {
                int g = candidates[i];
                if (g >= 0 && credit[g] > bestCredit) { // strict: ties go to the lower (VM, vCPU)
                    bestCredit = credit[g];
                    bestIndex = i;
                }
            }
            int g = candidates[bestIndex];
            candidates[bestIndex] = -1;
            left--;
            int v = vmOf[g];
            if (quota[v] != Double.POSITIVE_INFINITY
                    && quota[v] - usedInPeriod[v] < 2 * (startRate[v] + mhz)) {
                continue; // starting it could overshoot the limit within a microsecond
            }
            int p = placeFor(g);
            if (p >= 0) {
                current[p] = g;
                runningOn[g] = p;
                if (lastVcpuOn[p] != g && events.on()) {
                    switched(p, g, t);
                }
                sliceStart[p] = t;
                sliceEnd[p] = t + quantumMicros;
                startRate[v] += mhz;
                idle--;
            }
        }
    }

    private void switched(int p, int g, long t) {
        int before = lastVcpuOn[p];
        events.emit(EventKind.VCPU_SWITCH, t, hostId, vmIds[vmOf[g]], null, before < 0 ? null : vmIds[vmOf[before]],
                null, p, vcpuOf[g], before < 0 ? -1 : vcpuOf[before]);
    }

    /**
     * The credit vCPU {@code g} needs to start: enough to run until its quantum ends or its backlog is done,
     * whichever comes first, and at least {@link #MIN_START_MICROS} of a full core. So a busy vCPU runs whole
     * quanta, as under Xen, and a waking one with little work starts at once. But never more than its part of
     * {@link #STOCK_MICROS_PER_CPU}: what a VM holds back, summed over its vCPUs, is the amount by which its
     * slices lag its fluid allocation, so a VM with many vCPUs runs shorter slices to stay accurate.
     */
    private double creditToStart(int g, int v) {
        double forQuantum = quantumMicros * Math.max(0, mhz - creditRate[v]);
        return Math.max(minStartCredit, Math.min(Math.min(forQuantum, backlog[g]), stockPerVcpu[v]));
    }

    /** The idle CPU {@code g} may use: a whole idle core first, then its last CPU, then the lowest; or -1. */
    private int placeFor(int g) {
        int best = -1;
        int bestScore = Integer.MAX_VALUE;
        boolean any = !pinned[g];
        int base = g * cpus;
        for (int p = 0; p < cpus; p++) {
            if (current[p] >= 0 || !(any || allowed[base + p])) {
                continue;
            }
            int sib = sibling[p];
            int score = (sib >= 0 && current[sib] >= 0 ? 2 : 0) + (p == lastCpu[g] ? 0 : 1);
            if (score < bestScore) {
                bestScore = score;
                best = p;
                if (score == 0) {
                    break;
                }
            }
        }
        return best;
    }

    private void stop(int p, long t) {
        int g = current[p];
        if (t > sliceStart[p]) {
            history.record(p, vmOf[g], vcpuOf[g], sliceStart[p], t);
        }
        runningOn[g] = -1;
        lastCpu[g] = p;
        lastVcpuOn[p] = g;
        current[p] = -1;
    }

    /** The next time something must be decided: a quantum's end, credit, backlog or quota running out. */
    private long nextEvent(long t, long end) {
        long next = Math.min(end, periodEndMicros);
        Arrays.fill(vmRate, 0);
        for (int p = 0; p < cpus; p++) {
            int g = current[p];
            if (g < 0) {
                continue;
            }
            int sib = sibling[p];
            double rate = sib >= 0 && current[sib] >= 0 ? htMhz : mhz;
            rateOf[p] = rate;
            int v = vmOf[g];
            vmRate[v] += rate;
            next = Math.min(next, sliceEnd[p]);
            double creditDrain = rate - creditRate[v];
            if (creditDrain > 0) {
                next = Math.min(next, t + wholeMicros(credit[g] / creditDrain));
            }
            double backlogDrain = rate - demandRate[v];
            if (backlogDrain > 0) {
                next = Math.min(next, t + wholeMicros(backlog[g] / backlogDrain));
            }
        }
        for (int v = 0; v < vmCount; v++) {
            if (vmRate[v] > 0 && quota[v] != Double.POSITIVE_INFINITY) {
                next = Math.min(next, t + wholeMicros((quota[v] - usedInPeriod[v]) / vmRate[v]));
            }
        }
        return Math.max(next, t + 1);
    }

    private static long wholeMicros(double micros) {
        return micros >= 1e15 ? (long) 1e15 : (long) Math.floor(micros);
    }

    /** Runs the current slices for {@code dt} µs: work, credit, backlog, counters. */
    private void advance(long dt) {
        for (int p = 0; p < cpus; p++) {
            int g = current[p];
            if (g < 0) {
                continue;
            }
            int v = vmOf[g];
            double work = rateOf[p] * dt;
            credit[g] -= work;
            backlog[g] -= work;
            usedInPeriod[v] += work;
            workMhzMicros[v] += work;
            runMicros[v] += dt;
        }
        for (int g = 0; g < vcpuTotal; g++) {
            int v = vmOf[g];
            if (runnable[g] && runningOn[g] < 0) {
                readyMicros[v] += dt;
                if (parked[v]) {
                    limitedMicros[v] += dt;
                }
            }
            double c = credit[g] + creditRate[v] * dt;
            credit[g] = c > creditCap[v] ? creditCap[v] : c;
            double b = backlog[g] + demandRate[v] * dt;
            backlog[g] = b > backlogCap ? backlogCap : b;
            if (!runnable[g] && backlog[g] >= wakeBacklog) {
                runnable[g] = true;
            }
        }
    }

    // ---- outputs ----

    /** The end of the last scheduled tick. */
    public long nowMicros() {
        return nowMicros;
    }

    public int logicalCpus() {
        return cpus;
    }

    public int vms() {
        return vmCount;
    }

    /** Slices of the last {@code historyMicros}, running ones cut at {@link #nowMicros()}; by CPU, then start. */
    public List<Slice> recentSlices() {
        List<Slice> out = new ArrayList<>();
        long cutoff = nowMicros - historyMicros;
        for (int p = 0; p < cpus; p++) {
            history.appendTo(out, p, cutoff);
            int g = current[p];
            if (g >= 0 && nowMicros > sliceStart[p]) {
                out.add(new Slice(p, vmOf[g], vcpuOf[g], sliceStart[p], nowMicros));
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The VM running on logical CPU {@code cpu} now, or -1. */
    public int runningVm(int cpu) {
        return current[cpu] < 0 ? -1 : vmOf[current[cpu]];
    }

    /** The vCPU (within its VM) running on logical CPU {@code cpu} now, or -1. */
    public int runningVcpu(int cpu) {
        return current[cpu] < 0 ? -1 : vcpuOf[current[cpu]];
    }

    /** Time VM {@code vm}'s vCPUs have run, summed over vCPUs (µs). */
    public long runMicros(int vm) {
        return runMicros[vm];
    }

    /** Work delivered to VM {@code vm} (MHz·µs), hyper-threading included. */
    public double workMhzMicros(int vm) {
        return workMhzMicros[vm];
    }

    /** Time VM {@code vm}'s vCPUs were runnable but not running, summed over vCPUs (µs); includes limited. */
    public long readyMicros(int vm) {
        return readyMicros[vm];
    }

    /** The part of {@link #readyMicros} spent parked by the VM's limit (VMware's %MLMTD). */
    public long limitedMicros(int vm) {
        return limitedMicros[vm];
    }

    /** VM {@code vm}'s unspent credit, summed over its vCPUs (MHz·µs): how far it is behind its allocation. */
    public double creditMhzMicros(int vm) {
        double sum = 0;
        for (int g = firstVcpu[vm], e = g + vcpus[vm]; g < e; g++) {
            sum += credit[g];
        }
        return sum;
    }

    // ---- a VM arriving or returning by live migration ----

    /**
     * This host's scheduler with one more VM, numbered after the others (a VM arriving by live migration).
     * The others keep their numbers and everything the scheduler knows of them: credit, backlog, running
     * slices, limit period, counters and the slice history. The new VM starts with nothing queued.
     */
    public SliceScheduler withVm(SliceVm vm) {
        List<SliceVm> more = new ArrayList<>(vmList);
        more.add(vm);
        SliceScheduler next = new SliceScheduler(topology, policy, more, historyMicros);
        next.started = started;
        next.nowMicros = nowMicros;
        next.periodEndMicros = periodEndMicros;
        // vCPUs are numbered VM-major, so the old ones keep their numbers; the new VM's come last
        System.arraycopy(credit, 0, next.credit, 0, vcpuTotal);
        System.arraycopy(backlog, 0, next.backlog, 0, vcpuTotal);
        System.arraycopy(runnable, 0, next.runnable, 0, vcpuTotal);
        System.arraycopy(runningOn, 0, next.runningOn, 0, vcpuTotal);
        System.arraycopy(lastCpu, 0, next.lastCpu, 0, vcpuTotal);
        next.current = current.clone();
        next.lastVcpuOn = lastVcpuOn.clone();
        next.sliceStart = sliceStart.clone();
        next.sliceEnd = sliceEnd.clone();
        next.rateOf = rateOf.clone();
        System.arraycopy(vmRate, 0, next.vmRate, 0, vmCount);
        System.arraycopy(usedInPeriod, 0, next.usedInPeriod, 0, vmCount);
        System.arraycopy(parked, 0, next.parked, 0, vmCount);
        System.arraycopy(runMicros, 0, next.runMicros, 0, vmCount);
        System.arraycopy(workMhzMicros, 0, next.workMhzMicros, 0, vmCount);
        System.arraycopy(readyMicros, 0, next.readyMicros, 0, vmCount);
        System.arraycopy(limitedMicros, 0, next.limitedMicros, 0, vmCount);
        next.history = history.copy();
        return next;
    }

    /**
     * Forgets VM {@code vm}'s credit and backlog, as for a VM that returns to this host by live migration:
     * what it earned before it left is not owed to it now. Its counters stay.
     */
    public void forgetCredit(int vm) {
        for (int g = firstVcpu[vm], e = g + vcpus[vm]; g < e; g++) {
            credit[g] = 0;
            backlog[g] = 0;
            runnable[g] = false;
        }
    }

    // ---- checkpoints ----

    /** An immutable copy of the whole mutable state, enough for {@link #restore} to continue exactly. */
    public Object saveState() {
        return new State(started, nowMicros, periodEndMicros, credit.clone(), backlog.clone(), runnable.clone(),
                runningOn.clone(), lastCpu.clone(), lastVcpuOn.clone(), current.clone(), sliceStart.clone(),
                sliceEnd.clone(), rateOf.clone(), vmRate.clone(), usedInPeriod.clone(), parked.clone(),
                runMicros.clone(), workMhzMicros.clone(), readyMicros.clone(), limitedMicros.clone(),
                history.copy());
    }

    /** Puts back a state returned by {@link #saveState()} of a scheduler built with the same arguments. */
    public void restore(Object savedState) {
        State s = (State) savedState;
        if (s.current.length != cpus || s.credit.length != vcpuTotal || s.parked.length != vmCount) {
            throw new IllegalArgumentException("state of a scheduler with another host or other VMs");
        }
        started = s.started;
        nowMicros = s.nowMicros;
        periodEndMicros = s.periodEndMicros;
        credit = s.credit.clone();
        backlog = s.backlog.clone();
        runnable = s.runnable.clone();
        runningOn = s.runningOn.clone();
        lastCpu = s.lastCpu.clone();
        lastVcpuOn = s.lastVcpuOn.clone();
        current = s.current.clone();
        sliceStart = s.sliceStart.clone();
        sliceEnd = s.sliceEnd.clone();
        rateOf = s.rateOf.clone();
        System.arraycopy(s.vmRate, 0, vmRate, 0, vmCount);
        usedInPeriod = s.usedInPeriod.clone();
        parked = s.parked.clone();
        runMicros = s.runMicros.clone();
        workMhzMicros = s.workMhzMicros.clone();
        readyMicros = s.readyMicros.clone();
        limitedMicros = s.limitedMicros.clone();
        history = s.history.copy();
    }

    /** Saved state; never written after saving (restore copies it). */
    private record State(boolean started, long nowMicros, long periodEndMicros, double[] credit, double[] backlog,
            boolean[] runnable, int[] runningOn, int[] lastCpu, int[] lastVcpuOn, int[] current, long[] sliceStart,
            long[] sliceEnd,
            double[] rateOf, double[] vmRate, double[] usedInPeriod, boolean[] parked, long[] runMicros,
            double[] workMhzMicros, long[] readyMicros, long[] limitedMicros, SliceHistory history) {
    }
}
