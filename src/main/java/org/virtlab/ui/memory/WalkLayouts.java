package org.virtlab.ui.memory;

import java.util.ArrayList;
import java.util.List;
import org.virtlab.engine.memory.MemoryReference;
import org.virtlab.engine.memory.PageTableConfig;
import org.virtlab.engine.memory.PageTableKind;
import org.virtlab.engine.memory.TranslationMode;
import org.virtlab.engine.memory.Walk;

/** Lays a walk out as the grid of levels {@link WalkLayout} describes. */
final class WalkLayouts {
    private WalkLayouts() {
    }

    static WalkLayout of(Walk walk, WalkTexts texts) {
        return walk.mode() instanceof TranslationMode.Nested nested ? nested(walk, nested, texts) : oneColumn(walk, texts);
    }

    /** Native and shadow: a row per level walked, then the data. */
    private static WalkLayout oneColumn(Walk walk, WalkTexts texts) {
        List<MemoryReference> refs = walk.references();
        List<String> rows = new ArrayList<>();
        List<WalkLayout.Cell> cells = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            MemoryReference r = refs.get(i);
            rows.add(r.levelName());
            cells.add(new WalkLayout.Cell(r.step(), i, 0, r.table().id(), texts.describe(refs, i)));
        }
        rows.add("");
        return new WalkLayout(rows, List.of(), "", cells, refs.size(), 0, texts.data(walk));
    }

    /**
     * Nested: a row per guest level walked, then the data's row; in each, the host walk from the host's root
     * down, then the guest entry (none in the data's row: its last cell is the data).
     */
    private static WalkLayout nested(Walk walk, TranslationMode.Nested mode, WalkTexts texts) {
        PageTableConfig guest = mode.guest();
        PageTableConfig host = mode.host();
        int hostColumns = host.walkedLevels();
        List<String> rows = new ArrayList<>();
        for (int level = guest.levels(); level >= guest.leafLevel(); level--) {
            rows.add(PageTableConfig.levelName(level));
        }
        rows.add(texts.i18n().get("memory.grid.dataRow"));
        List<String> columns = new ArrayList<>();
        for (int level = host.levels(); level >= host.leafLevel(); level--) {
            columns.add(PageTableConfig.levelName(level));
        }
        columns.add(texts.i18n().get("memory.grid.guestColumn"));

        List<MemoryReference> refs = walk.references();
        List<WalkLayout.Cell> cells = new ArrayList<>();
        int row = 0;
        int column = 0;
        for (int i = 0; i < refs.size(); i++) {
            MemoryReference r = refs.get(i);
            if (r.table() == PageTableKind.GUEST) {
                cells.add(new WalkLayout.Cell(r.step(), row, hostColumns, r.table().id(), texts.describe(refs, i)));
                row++;
                column = 0;
            } else {
                cells.add(new WalkLayout.Cell(r.step(), row, column, r.table().id(), texts.describe(refs, i)));
                column++;
            }
        }
        return new WalkLayout(rows, columns, texts.i18n().get("memory.grid.hostHeader"), cells, rows.size() - 1,
                hostColumns, texts.data(walk));
    }
}
