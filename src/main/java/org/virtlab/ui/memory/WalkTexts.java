package org.virtlab.ui.memory;

import java.util.List;
import org.virtlab.engine.memory.AddressSpace;
import org.virtlab.engine.memory.MemoryReference;
import org.virtlab.engine.memory.PageTableKind;
import org.virtlab.engine.memory.Walk;
import org.virtlab.ui.i18n.I18n;

/** A walk's references in words, in the window's language: what each cell's tooltip and the "now" line say. */
final class WalkTexts {
    private final I18n i18n;

    WalkTexts(I18n i18n) {
        this.i18n = i18n;
    }

    I18n i18n() {
        return i18n;
    }

    /** "Step 7: EPT/NPT table PDPT, entry 511", where it lies, and why the walk reads it: three lines. */
    String describe(List<MemoryReference> refs, int i) {
        MemoryReference r = refs.get(i);
        String head = i18n.format("memory.ref", r.step(), i18n.get("memory.table." + r.table().id()), r.levelName(),
                r.index());
        String where;
        if (r.space() == AddressSpace.GUEST_PHYSICAL) {
            where = i18n.format("memory.ref.at.guest", hex(r.address()), hex(r.hostPhysicalAddress()));
        } else if (r.table() == PageTableKind.NATIVE) {
            where = i18n.format("memory.ref.at.physical", hex(r.address()));
        } else {
            where = i18n.format("memory.ref.at.host", hex(r.address()));
        }
        String why = switch (r.purpose()) {
            case TRANSLATE -> i18n.format(r.table() == PageTableKind.NATIVE ? "memory.ref.translate.native"
                    : "memory.ref.translate.guest", hex(r.translatedAddress()));
            case LOCATE_GUEST_TABLE -> i18n.format("memory.ref.guestTable", servedGuestEntry(refs, i).levelName(),
                    hex(r.translatedAddress()));
            case LOCATE_DATA -> i18n.format("memory.ref.data", hex(r.translatedAddress()));
        };
        return head + "\n" + where + "\n" + why;
    }

    /** What the data cell says: the machine address the walk ends at, and that it is not counted. */
    String data(Walk walk) {
        return i18n.format("memory.data.tip", hex(walk.physicalAddress()));
    }

    /** The guest entry a host walk finds: the first guest reference after it. */
    private static MemoryReference servedGuestEntry(List<MemoryReference> refs, int i) {
        int j = i;
        while (refs.get(j).table() != PageTableKind.GUEST) {
            j++;
        }
        return refs.get(j);
    }

    /** "0x7ffd12345678": lower-case hex without leading zeros, as {@code virtlab walk --json} prints it. */
    static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
