package org.virtlab.ui.topology;

import javafx.collections.ListChangeListener;
import java.util.Optional;
import javafx.css.PseudoClass;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.kordamp.ikonli.javafx.FontIcon;
import org.virtlab.charts.ChartStyle;
import org.virtlab.ui.i18n.I18n;

/**
 * The Topology tab: each host as a card holding its VMs, each VM with a live demand bar. Clicking a card
 * selects it (the property panel shows it). The editing canvas replaces this layout in a later version;
 * the tab says so in one line.
 */
public final class TopologyView {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");
    private static final PseudoClass DROP_REFUSED = PseudoClass.getPseudoClass("drop-refused");
    /** What a palette drag carries: the name of a {@link TopologyViewModel.PaletteItem}. */
    public static final DataFormat PALETTE_ITEM = new DataFormat("application/x-virtlab-palette-item");
    private static final double VM_CARD_WIDTH = 220;

    private final BorderPane root = new BorderPane();
    private final Pane canvas = new Pane();
    private final TopologyViewModel viewModel;
    private final Label note = new Label();

    public TopologyView(TopologyViewModel viewModel, I18n i18n) {
        this.viewModel = viewModel;
        canvas.getStyleClass().add("topology-canvas");
        canvas.setOnMouseClicked(e -> {
            if (e.getTarget() == canvas) {
                viewModel.selection().clear();
            }
        });
        // Palette drops on the empty canvas: a host is taken, a VM is refused (it needs a host).
        canvas.setOnDragOver(e -> itemOf(e).ifPresent(item -> {
            boolean ok = viewModel.accepts(item, null);
            if (ok) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            canvas.pseudoClassStateChanged(DROP_REFUSED, !ok);
            note.setText(i18n.get(ok ? "topology.drop.host" : "topology.drop.vmNeedsHost"));
            e.consume();
        }));
        canvas.setOnDragExited(e -> {
            canvas.pseudoClassStateChanged(DROP_REFUSED, false);
            note.setText(i18n.get("topology.note.readOnly"));
        });
        canvas.setOnDragDropped(e -> {
            Optional<TopologyViewModel.PaletteItem> item = itemOf(e);
            e.setDropCompleted(item.isPresent() && viewModel.drop(item.get(), null, e.getX(), e.getY()).isPresent());
            e.consume();
        });
        ScrollPane scroll = new ScrollPane(canvas);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        root.setCenter(scroll);
        note.setText(i18n.get("topology.note.readOnly"));
        note.getStyleClass().add("tab-note");
        note.setWrapText(true);
        BorderPane.setMargin(note, new Insets(6, 8, 6, 8));
        root.setBottom(note);
        viewModel.hosts().addListener((ListChangeListener<TopologyViewModel.HostItem>) c -> rebuild());
        viewModel.selection().selectedIdProperty().addListener((obs, was, now) -> markSelection(now));
        rebuild();
    }

    public BorderPane root() {
        return root;
    }

    private void rebuild() {
        canvas.getChildren().clear();
        for (TopologyViewModel.HostItem host : viewModel.hosts()) {
            canvas.getChildren().add(hostCard(host));
        }
        markSelection(viewModel.selection().selectedIdProperty().get());
    }

    private VBox hostCard(TopologyViewModel.HostItem host) {
        Label title = new Label(host.name(), new FontIcon("mdi2s-server"));
        title.getStyleClass().add("host-title");
        Label summary = new Label(host.summary());
        summary.getStyleClass().add("host-summary");
        javafx.scene.layout.HBox badges = new javafx.scene.layout.HBox(6);
        for (TopologyViewModel.Badge b : host.badges()) {
            Label badge = new Label(b.text());
            badge.getStyleClass().add("capacity-badge");
            if (b.warning()) {
                badge.getStyleClass().add("capacity-badge-warning");
            }
            badge.setTooltip(new Tooltip(b.tooltip()));
            badges.getChildren().add(badge);
        }
        FlowPane vms = new FlowPane(12, 12);
        vms.setPrefWrapLength(3 * VM_CARD_WIDTH + 2 * 12 + 1); // three VMs a row
        for (TopologyViewModel.VmItem vm : host.vms()) {
            vms.getChildren().add(vmCard(vm));
        }
        VBox card = new VBox(6, title, summary, badges, vms);
        card.getStyleClass().add("host-card");
        card.setId("host-" + host.id());
        card.setUserData(host.id());
        card.relocate(host.x(), host.y());
        card.setOnMouseClicked(e -> {
            viewModel.selection().select(host.id());
            e.consume();
        });
        // Dragging a host by its title moves the card; the new place is one edit when the mouse is let go.
        double[] grab = new double[2];
        title.setOnMousePressed(e -> {
            grab[0] = e.getSceneX() - card.getLayoutX();
            grab[1] = e.getSceneY() - card.getLayoutY();
            e.consume();
        });
        title.setOnMouseDragged(e -> {
            card.relocate(Math.max(0, e.getSceneX() - grab[0]), Math.max(0, e.getSceneY() - grab[1]));
            e.consume();
        });
        title.setOnMouseReleased(e -> {
            viewModel.moveHost(host.id(), card.getLayoutX(), card.getLayoutY());
            e.consume();
        });
        title.setCursor(javafx.scene.Cursor.MOVE);
        // A VM from the palette lands on the host it is dropped on.
        card.setOnDragOver(e -> itemOf(e).ifPresent(item -> {
            boolean ok = viewModel.accepts(item, host.id());
            if (ok) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            card.pseudoClassStateChanged(ok ? DROP_TARGET : DROP_REFUSED, true);
            e.consume();
        }));
        card.setOnDragExited(e -> {
            card.pseudoClassStateChanged(DROP_TARGET, false);
            card.pseudoClassStateChanged(DROP_REFUSED, false);
        });
        card.setOnDragDropped(e -> {
            Optional<TopologyViewModel.PaletteItem> item = itemOf(e);
            e.setDropCompleted(item.isPresent() && viewModel.drop(item.get(), host.id(), 0, 0).isPresent());
            e.consume();
        });
        return card;
    }

    private VBox vmCard(TopologyViewModel.VmItem vm) {
        Rectangle swatch = new Rectangle(12, 12, toFx((java.awt.Color) ChartStyle.vmColour(vm.colourIndex())));
        Label name = new Label(vm.name(), swatch);
        name.getStyleClass().add("vm-title");
        Label summary = new Label(vm.summary());
        summary.getStyleClass().add("vm-summary");
        Label workload = new Label(vm.workload(), new FontIcon("mdi2c-chart-bell-curve-cumulative"));
        workload.getStyleClass().add("vm-summary");
        // A plain bar rather than a ProgressBar control: a lesson may show hundreds of VMs.
        Region fill = new Region();
        fill.getStyleClass().add("use-bar-fill");
        StackPane bar = new StackPane(fill);
        bar.getStyleClass().add("use-bar");
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setPrefWidth(0); // as wide as the card, never wider
        fill.maxWidthProperty().bind(bar.widthProperty().multiply(vm.demandProperty()));
        fill.minWidthProperty().bind(fill.maxWidthProperty());
        Label demand = new Label();
        demand.textProperty().bind(vm.demandTextProperty());
        demand.getStyleClass().add("vm-demand");
        Label used = new Label();
        used.textProperty().bind(vm.usedTextProperty());
        used.getStyleClass().add("vm-used");
        VBox card = new VBox(4, name, summary, workload, demand, bar, used);
        card.getStyleClass().add("vm-card");
        card.setId("vm-" + vm.id());
        card.setUserData(vm.id());
        card.setPrefWidth(VM_CARD_WIDTH);
        card.setMinWidth(VM_CARD_WIDTH);
        card.setMaxWidth(VM_CARD_WIDTH);
        card.setOnMouseClicked(e -> {
            viewModel.selection().select(vm.id());
            e.consume();
        });
        return card;
    }

    private static Optional<TopologyViewModel.PaletteItem> itemOf(DragEvent e) {
        Object content = e.getDragboard().getContent(PALETTE_ITEM);
        if (content instanceof String name) {
            try {
                return Optional.of(TopologyViewModel.PaletteItem.valueOf(name));
            } catch (IllegalArgumentException unknown) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private void markSelection(String id) {
        for (String style : new String[] {".host-card", ".vm-card"}) {
            canvas.lookupAll(style).forEach(n -> n.pseudoClassStateChanged(SELECTED, id != null && id.equals(n.getUserData())));
        }
    }

    private static Color toFx(java.awt.Color c) {
        return Color.rgb(c.getRed(), c.getGreen(), c.getBlue());
    }
}
