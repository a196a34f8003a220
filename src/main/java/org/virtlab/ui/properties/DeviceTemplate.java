package org.virtlab.ui.properties;

import java.util.Locale;
import org.virtlab.engine.io.IoDeviceSpec;
import org.virtlab.engine.io.IoKind;
import org.virtlab.engine.io.IoWorkload;
import org.virtlab.engine.model.Scenario;
import org.virtlab.ui.io.ModeKind;

/**
 * The kinds of I/O device the property panel can add to a VM, each with what a new one starts with: the guest reads
 * 4 KiB blocks or sends 1500-byte packets, one request outstanding (as the lesson io-emulation-vs-virtio), in its way
 * with that way's defaults ({@link ModeKind#defaults}: IDE or e1000 with their Linux drivers' access counts, QEMU's
 * virtio defaults, posted interrupts), on the default physical device for its requests (an NVMe SSD, a 10 GbE NIC).
 * Its id is the name a Linux guest gives such a device, the first one no element of the scenario has yet: disks by
 * letter ({@code vda}, {@code vdb}, ...; {@code hda}, {@code hdb}, ...), NICs and NVMe drives by number
 * ({@code eth0}, {@code eth1}; {@code nvme0}, {@code nvme1}). Ids are one name space across the scenario
 * (scenarios/README.md, "Ids and references"), so a second VM's first virtio disk is {@code vdb}.
 */
public enum DeviceTemplate {
    VIRTIO_BLK(ModeKind.VIRTIO, IoKind.BLOCK_READ, "vd", true),
    VIRTIO_NET(ModeKind.VIRTIO, IoKind.NET_TX, "eth", false),
    EMULATED_IDE(ModeKind.EMULATED, IoKind.BLOCK_READ, "hd", true),
    EMULATED_E1000(ModeKind.EMULATED, IoKind.NET_TX, "eth", false),
    PASSTHROUGH_NVME(ModeKind.PASSTHROUGH, IoKind.BLOCK_READ, "nvme", false),
    PASSTHROUGH_NIC(ModeKind.PASSTHROUGH, IoKind.NET_TX, "eth", false);

    /** A new disk's reads: 4 KiB, the page size, as in the I/O lessons. */
    static final int BLOCK_BYTES = 4_096;
    /** A new NIC's packets: a full Ethernet payload (MTU 1500), as in io-event-idx. */
    static final int PACKET_BYTES = 1_500;
    private static final int MAX_LETTERS = 26 * 26 + 26;

    private final ModeKind mode;
    private final IoKind requests;
    private final String prefix;
    private final boolean lettered;

    DeviceTemplate(ModeKind mode, IoKind requests, String prefix, boolean lettered) {
        this.mode = mode;
        this.requests = requests;
        this.prefix = prefix;
        this.lettered = lettered;
    }

    public ModeKind mode() {
        return mode;
    }

    public IoKind requests() {
        return requests;
    }

    /** The bundle key of its name in the Add device menu: {@code device.kind.virtio_blk}, ... */
    public String key() {
        return "device.kind." + name().toLowerCase(Locale.ROOT);
    }

    /** A new device of this kind for VM {@code vmId} of {@code s}, with the first id nothing in {@code s} has. */
    public IoDeviceSpec create(Scenario s, String vmId) {
        IoWorkload w = new IoWorkload.ClosedLoop(requests, requests.network() ? PACKET_BYTES : BLOCK_BYTES, 1);
        return new IoDeviceSpec(freeId(s), vmId, w, mode.defaults(requests));
    }

    /** {@code vda}, {@code vdb}, ..., {@code vdz}, {@code vdaa}, ... as Linux names disks; {@code eth0}, ... */
    String freeId(Scenario s) {
        for (int n = 0; ; n++) {
            if (lettered && n >= MAX_LETTERS) {
                throw new IllegalStateException("no free name left for a " + prefix + " disk");
            }
            String id = prefix + (lettered ? letters(n) : Integer.toString(n));
            if (!s.hasId(id)) {
                return id;
            }
        }
    }

    /** 0 → a, 25 → z, 26 → aa: the kernel's sd_format_disk_name, bijective base 26. */
    static String letters(int n) {
        StringBuilder b = new StringBuilder();
        for (int k = n + 1; k > 0; k = (k - 1) / 26) {
            b.insert(0, (char) ('a' + (k - 1) % 26));
        }
        return b.toString();
    }
}
