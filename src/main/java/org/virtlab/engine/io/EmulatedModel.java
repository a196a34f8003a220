package org.virtlab.engine.io;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The real devices a hypervisor can emulate for a guest (trap and emulate): the guest runs the device's own
 * driver, and every access to the device's registers traps to the device model. Each model names how its
 * registers are reached, what a request and an interrupt cost in register accesses with the Linux driver, and
 * how many requests the hardware takes at once. The counts are defaults; {@link IoMode.Emulated} can change them.
 */
public enum EmulatedModel {
    /**
     * Intel 82540EM gigabit NIC (QEMU's {@code e1000}), registers in MMIO space. Linux
     * drivers/net/ethernet/intel/e1000/e1000_main.c: {@code e1000_tx_queue} writes the tail register (TDT) once
     * per packet, 1 access; {@code e1000_intr} reads ICR, then masks with IMC and flushes (a read of STATUS), and
     * {@code e1000_irq_enable} unmasks with IMS and flushes after polling, 5 accesses per interrupt. 256 transmit
     * descriptors ({@code E1000_DEFAULT_TXD}).
     */
    E1000("e1000", AccessKind.MMIO, true, 1, 5, 256),
    /**
     * A legacy IDE disk with bus-master DMA (QEMU's {@code ide-hd} on PIIX), registers in port I/O space. Counted
     * from Linux drivers/ata/libata-sff.c for an LBA28 DMA command: {@code ata_bmdma_setup} (PRD address, DMA
     * command read and write: 3), {@code ata_sff_tf_load} (feature, sector count, three LBA bytes, device: 6),
     * {@code ata_sff_exec_command} (command, then an alternate-status read: 2), {@code ata_bmdma_start} (read and
     * write: 2) make 13 accesses; at the interrupt, BMDMA status (1), {@code ata_bmdma_stop} (read, write,
     * alternate status: 3), the status read that acknowledges INTRQ (1) and {@code ata_bmdma_irq_clear} (read,
     * write: 2) make 7. One command at a time per channel: no tagged queuing.
     */
    IDE("ide", AccessKind.PORT_IO, false, 13, 7, 1);

    /** How a device's registers are reached, and so which VM exit an access causes. */
    public enum AccessKind {
        /** in/out instructions: an I/O-instruction exit. */
        PORT_IO,
        /** Loads and stores to a page with no guest mapping: an EPT violation (NPF on AMD). */
        MMIO;

        public ExitReason exitReason() {
            return this == PORT_IO ? ExitReason.IO_INSTRUCTION : ExitReason.EPT_VIOLATION;
        }
    }

    private final String modelName;
    private final AccessKind access;
    private final boolean network;
    private final int accessesPerRequest;
    private final int accessesPerInterrupt;
    private final int maxInFlight;

    EmulatedModel(String modelName, AccessKind access, boolean network, int accessesPerRequest,
                  int accessesPerInterrupt, int maxInFlight) {
        this.modelName = modelName;
        this.access = access;
        this.network = network;
        this.accessesPerRequest = accessesPerRequest;
        this.accessesPerInterrupt = accessesPerInterrupt;
        this.maxInFlight = maxInFlight;
    }

    /** The name QEMU and the lessons use: "e1000", "ide". */
    public String modelName() {
        return modelName;
    }

    public AccessKind access() {
        return access;
    }

    /** A NIC (serves {@link IoKind#NET_TX}), else a disk (serves block requests). */
    public boolean network() {
        return network;
    }

    /** Register accesses the guest's driver makes per request. */
    public int accessesPerRequest() {
        return accessesPerRequest;
    }

    /** Register accesses the guest's driver makes per interrupt: acknowledging, masking, unmasking. */
    public int accessesPerInterrupt() {
        return accessesPerInterrupt;
    }

    /** Requests the device takes at once: its descriptor ring, or 1 for a device of one command at a time. */
    public int maxInFlight() {
        return maxInFlight;
    }

    /** Whether this model can serve requests of that kind. */
    public boolean serves(IoKind kind) {
        return network == kind.network();
    }

    /** The model of that name (case-insensitive); a clear error naming the models there are otherwise. */
    public static EmulatedModel named(String name) {
        for (EmulatedModel m : values()) {
            if (m.modelName.equalsIgnoreCase(name == null ? "" : name.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown emulated device model '" + name + "'; allowed: " + allowedNames());
    }

    /** "e1000, ide". */
    public static String allowedNames() {
        return Arrays.stream(values()).map(m -> m.modelName.toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
