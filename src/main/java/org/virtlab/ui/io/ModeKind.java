package org.virtlab.ui.io;

import org.virtlab.engine.io.EmulatedModel;
import org.virtlab.engine.io.IoKind;
import org.virtlab.engine.io.IoMode;

/** The three ways of I/O virtualization as the tab names and colours them (virtualization.md §3). */
public enum ModeKind {
    EMULATED, VIRTIO, PASSTHROUGH;

    public static ModeKind of(IoMode mode) {
        if (mode instanceof IoMode.Emulated) {
            return EMULATED;
        }
        return mode instanceof IoMode.Virtio ? VIRTIO : PASSTHROUGH;
    }

    /** The bundle key of its name: {@code io.mode.emulated}, ... */
    public String key() {
        return "io.mode." + name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The mode a device of this kind of requests gets when switched to this way without earlier settings of it:
     * the emulated model that serves the requests with its Linux driver's access counts (IDE for a disk, e1000 for
     * a NIC), QEMU's virtio defaults, posted interrupts for passthrough.
     */
    public IoMode defaults(IoKind requests) {
        return switch (this) {
            case EMULATED -> new IoMode.Emulated(requests.network() ? EmulatedModel.E1000 : EmulatedModel.IDE);
            case VIRTIO -> IoMode.Virtio.DEFAULT;
            case PASSTHROUGH -> IoMode.Passthrough.DEFAULT;
        };
    }
}
