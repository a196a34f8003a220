package org.virtlab.ui.memory;

import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.virtlab.ui.common.TextCell;
import org.virtlab.ui.common.ViewParts;
import org.virtlab.ui.i18n.I18n;

/** The TLB experiment: its inputs on one line, then a row per mode with hit-rate and references bars. */
final class TlbPanelView {
    private static final double BAR_WIDTH = 110;
    private final VBox root = new VBox(6);
    private final GridPane table = new GridPane();
    private final I18n i18n;

    TlbPanelView(TlbViewModel tlb, I18n i18n) {
        this.i18n = i18n;
        Label title = MemoryView.label(i18n, "memory.tlb.title");
        title.getStyleClass().add("memory-section-title");

        ComboBox<TlbViewModel.Pattern> pattern = new ComboBox<>();
        pattern.setId("memoryTlbPattern");
        pattern.getItems().setAll(TlbViewModel.Pattern.values());
        pattern.setCellFactory(list -> new TextCell<>(tlb::patternLabel));
        pattern.setButtonCell(new TextCell<>(tlb::patternLabel));
        pattern.valueProperty().bindBidirectional(tlb.patternProperty());

        TextField size = new TextField();
        size.setId("memoryTlbSize");
        size.setPrefColumnCount(5);
        size.textProperty().bindBidirectional(tlb.sizeMibProperty());
        Label sizeLabel = MemoryView.label(i18n, "memory.tlb.size");
        sizeLabel.setLabelFor(size);
        HBox sizeBox = new HBox(6, sizeLabel, size);
        sizeBox.setAlignment(Pos.CENTER_LEFT);
        sizeBox.visibleProperty().bind(tlb.sizeUsedBinding());
        sizeBox.managedProperty().bind(sizeBox.visibleProperty());

        ComboBox<Integer> entries = new ComboBox<>();
        entries.setId("memoryTlbEntries");
        entries.getItems().setAll(TlbViewModel.ENTRIES);
        entries.valueProperty().bindBidirectional(tlb.entriesProperty());

        CheckBox tagged = new CheckBox(i18n.get("memory.tlb.tagged"));
        tagged.setId("memoryTlbTagged");
        tagged.setTooltip(new Tooltip(i18n.get("memory.tlb.tagged.help")));
        tagged.selectedProperty().bindBidirectional(tlb.taggedProperty());
        CheckBox walkCache = new CheckBox(i18n.get("memory.tlb.walkCache"));
        walkCache.setId("memoryTlbWalkCache");
        walkCache.setTooltip(new Tooltip(i18n.get("memory.tlb.walkCache.help")));
        walkCache.selectedProperty().bindBidirectional(tlb.walkCacheProperty());

        FlowPane inputs = new FlowPane(14, 6, title,
                MemoryView.labelled(i18n, "memory.tlb.pattern", pattern), sizeBox,
                MemoryView.labelled(i18n, "memory.tlb.entries", entries), tagged, walkCache);
        inputs.setAlignment(Pos.CENTER_LEFT);
        Label sizeError = ViewParts.errorLine(tlb.sizeErrorProperty(), "memoryTlbSizeError");

        table.setId("memoryTlbTable");
        table.getStyleClass().add("tlb-table");
        table.setHgap(14);
        table.setVgap(4);
        show(tlb.rowsProperty().get());
        tlb.rowsProperty().addListener((obs, was, now) -> show(now));

        Label note = new Label();
        note.textProperty().bind(tlb.noteProperty());
        note.getStyleClass().addAll("tab-note", "tlb-note");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);

        root.getChildren().addAll(inputs, sizeError, table, note);
        root.setPadding(new Insets(6, 8, 6, 8));
        root.getStyleClass().add("tlb-panel");
        root.setId("memoryTlb");
    }

    VBox root() {
        return root;
    }

    private void show(List<TlbViewModel.Row> rows) {
        table.getChildren().clear();
        table.getColumnConstraints().clear();
        for (int c = 0; c < 6; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHalignment(c == 0 ? HPos.LEFT : HPos.RIGHT);
            cc.setMinWidth(Region.USE_PREF_SIZE);
            table.getColumnConstraints().add(cc);
        }
        String[] headers = {"mode", "hitRate", "misses", "refs", "exits", "reach"};
        for (int c = 0; c < headers.length; c++) {
            Label h = new Label(i18n.get("memory.tlb.col." + headers[c]));
            h.getStyleClass().add("tlb-header");
            table.add(h, c, 0);
        }
        double maxRefs = rows.stream().mapToDouble(TlbViewModel.Row::referencesPerAccess).max().orElse(0);
        for (int r = 0; r < rows.size(); r++) {
            TlbViewModel.Row row = rows.get(r);
            Label mode = new Label(row.mode());
            mode.getStyleClass().add("tlb-mode");
            table.add(mode, 0, r + 1);
            table.add(bar(row.hitRateText(), row.hitRate(), "tlb-bar-hits"), 1, r + 1);
            table.add(value(row.missesText()), 2, r + 1);
            table.add(bar(row.referencesText(), maxRefs == 0 ? 0 : row.referencesPerAccess() / maxRefs, "tlb-bar-refs"),
                    3, r + 1);
            Label exits = value(row.exitsText());
            exits.setTooltip(new Tooltip(row.exitsTip()));
            table.add(exits, 4, r + 1);
            table.add(value(row.reachText()), 5, r + 1);
        }
    }

    private static Label value(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("tlb-value");
        return l;
    }

    /** A number on a bar {@code fraction} of the full width long. */
    private static StackPane bar(String text, double fraction, String style) {
        Region fill = new Region();
        fill.getStyleClass().addAll("tlb-bar", style);
        double width = Math.max(0, Math.min(1, fraction)) * BAR_WIDTH;
        fill.setMinWidth(width);
        fill.setPrefWidth(width);
        fill.setMaxWidth(width);
        Region track = new Region();
        track.getStyleClass().add("tlb-bar-track");
        track.setPrefWidth(BAR_WIDTH);
        Label label = value(text);
        StackPane stack = new StackPane(track, fill, label);
        StackPane.setAlignment(fill, Pos.CENTER_LEFT);
        StackPane.setAlignment(label, Pos.CENTER_RIGHT);
        stack.setMinWidth(BAR_WIDTH);
        stack.setPrefWidth(BAR_WIDTH);
        return stack;
    }
}
