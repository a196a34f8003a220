package org.virtlab.ui.io;

import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.jfree.chart.fx.ChartViewer;
import org.virtlab.engine.io.Suppression;
import org.virtlab.ui.common.TextCell;
import org.virtlab.ui.common.ChartMenus;
import org.virtlab.ui.i18n.I18n;

/**
 * The I/O tab: the live controls of the device in focus on top; its virtqueue animated below them; at the bottom the
 * VM-exit timeline of every device beside the devices compared (measures side by side, and where a request's time
 * goes). Builds and binds; the state is {@link IoViewModel}'s.
 */
public final class IoView {
    private final BorderPane root = new BorderPane();

    public IoView(IoViewModel vm, I18n i18n, ChartMenus menus) {
        root.getStylesheets().add(IoView.class.getResource("io.css").toExternalForm());
        root.getStyleClass().add("io-view");
        root.setId("ioView");
        IoControlsModel c = vm.controls();

        ComboBox<String> device = choice("ioDevice", vm::deviceLabel, vm.focusProperty(), id -> {
            vm.focus(id);
            return true;
        });
        device.setItems(vm.devices());
        device.setValue(vm.focusProperty().get());
        ComboBox<ModeKind> mode = choice("ioMode", m -> i18n.get(m.key()), c.modeProperty(), c::chooseMode);
        mode.getItems().setAll(ModeKind.values());
        mode.disableProperty().bind(c.deviceIdProperty().isNull());
        ComboBox<Suppression> suppression = choice("ioSuppression",
                s -> i18n.get("io.suppression." + s.name().toLowerCase(Locale.ROOT)), c.suppressionProperty(),
                c::chooseSuppression);
        suppression.getItems().setAll(Suppression.values());
        suppression.disableProperty().bind(c.virtioProperty().not());
        TextField queue = field("ioQueueSize", c.queueSizeProperty(), c::commitQueueSize, 5);
        queue.disableProperty().bind(c.virtioProperty().not());
        TextField batch = field("ioRequestsPerKick", c.requestsPerKickProperty(), c::commitRequestsPerKick, 4);
        batch.disableProperty().bind(c.virtioProperty().not());
        TextField bytes = field("ioRequestBytes", c.requestBytesProperty(), c::commitRequestBytes, 6);
        bytes.disableProperty().bind(c.deviceIdProperty().isNull());

        FlowPane controls = new FlowPane(14, 6,
                labelled(i18n, "io.control.device", device),
                labelled(i18n, "io.control.mode", mode),
                labelled(i18n, "io.control.queueSize", queue),
                labelled(i18n, "io.control.requestsPerKick", batch),
                labelled(i18n, "io.control.suppression", suppression),
                labelled(i18n, "io.control.requestBytes", bytes));
        controls.setAlignment(Pos.CENTER_LEFT);
        Label error = new Label();
        error.setId("ioControlError");
        error.textProperty().bind(c.errorProperty());
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Label counters = new Label();
        counters.setId("ioCounters");
        counters.getStyleClass().add("io-counters");
        counters.textProperty().bind(vm.countersProperty());
        counters.setTooltip(new Tooltip(i18n.get("io.counters.help")));
        VBox top = new VBox(4, controls, error, counters);
        top.setPadding(new Insets(6, 8, 4, 8));
        top.getStyleClass().add("io-controls");

        RingCanvas ringCanvas = new RingCanvas(i18n, vm::setRingCapacity);
        ringCanvas.setId("ioRing");
        menus.canvas(ringCanvas, () -> i18n.get("export.name.ring"));
        vm.ringProperty().addListener((obs, was, now) -> ringCanvas.show(now));
        vm.ringMarkProperty().addListener((obs, was, now) -> ringCanvas.mark(now));
        ringCanvas.show(vm.ringProperty().get());
        ringCanvas.visibleProperty().bind(vm.ringProperty().isNotNull());
        ringCanvas.managedProperty().bind(ringCanvas.visibleProperty()); // hidden, its size holds no room open
        Label ringNote = new Label();
        ringNote.setId("ioRingNote");
        ringNote.getStyleClass().add("tab-note");
        ringNote.setWrapText(true);
        ringNote.textProperty().bind(vm.ringNoteProperty());
        ringNote.visibleProperty().bind(vm.ringProperty().isNull());
        ringNote.managedProperty().bind(ringNote.visibleProperty());
        ringNote.setMaxWidth(Double.MAX_VALUE);
        ringNote.setAlignment(Pos.TOP_LEFT);
        javafx.scene.layout.StackPane ringStack = new javafx.scene.layout.StackPane(ringCanvas, ringNote);
        ringStack.setAlignment(Pos.TOP_LEFT);
        BorderPane ringArea = new BorderPane(ringStack);
        ringArea.setPadding(new Insets(4, 8, 2, 8));

        TimelineCanvas timeline = new TimelineCanvas(i18n);
        timeline.setId("ioTimeline");
        vm.timelineProperty().addListener((obs, was, now) -> timeline.show(now));
        FlowPane marks = new FlowPane(10, 2);
        for (TimelineData.Mark m : TimelineData.Mark.values()) {
            marks.getChildren().add(swatch(i18n.get(m.key()), i18n.get(m.key() + ".help"), IoColours.mark(m), m.exit()));
        }
        Tooltip.install(marks, new Tooltip(i18n.get("io.timeline.title.help")));
        VBox timelineBox = new VBox(3, marks, timeline);
        VBox.setVgrow(timeline, Priority.ALWAYS);
        timelineBox.setPadding(new Insets(4, 8, 4, 8));
        menus.canvas(timelineBox, () -> i18n.get("io.timeline.title"));

        ComparisonCanvas compare = new ComparisonCanvas(i18n);
        compare.setId("ioCompare");
        vm.comparisonProperty().addListener((obs, was, now) -> compare.show(now));
        FlowPane modes = new FlowPane(10, 2);
        for (ModeKind m : ModeKind.values()) {
            modes.getChildren().add(swatch(i18n.get(m.key()), i18n.get(m.key() + ".help"), IoColours.mode(m), false));
        }
        Label window = new Label(i18n.get("io.compare.window"));
        window.getStyleClass().add("io-legend");
        modes.getChildren().add(window);
        VBox compareBox = new VBox(3, compare, modes);
        VBox.setVgrow(compare, Priority.ALWAYS);
        compareBox.setPadding(new Insets(4, 8, 4, 8));
        menus.canvas(compareBox, () -> i18n.get("io.tab.compare"));
        ChartViewer cost = new ChartViewer(vm.costChart().chart());
        cost.setId("ioCostChart");
        menus.chart(cost);
        Tab timelineTab = new Tab(i18n.get("io.timeline.title"), timelineBox);
        timelineTab.setId("ioTimelineTab");
        Tab compareTab = new Tab(i18n.get("io.tab.compare"), compareBox);
        compareTab.setId("ioCompareTab");
        Tab costTab = new Tab(i18n.get("io.tab.cost"), cost);
        costTab.setId("ioCostTab");
        ChartViewer occupancy = new ChartViewer(vm.occupancyChart().chart());
        occupancy.setId("ioOccupancyChart");
        menus.chart(occupancy);
        Tab occupancyTab = new Tab(i18n.get("io.tab.occupancy"), occupancy);
        occupancyTab.setId("ioOccupancyTab");
        occupancyTab.setTooltip(new Tooltip(i18n.get("io.tab.occupancy.help")));
        TabPane charts = new TabPane(timelineTab, compareTab, costTab, occupancyTab);
        charts.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        charts.setId("ioCharts");

        SplitPane split = new SplitPane(ringArea, charts);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(vm.ringProperty().get() == null ? NOTE_DIVIDER : RING_DIVIDER);
        // Without a ring (emulated, passthrough) the upper pane only holds the note: the charts get the room, and
        // the ring gets back the height it had (or the user gave it) when a virtio device is in focus again.
        double[] ringDivider = {RING_DIVIDER};
        vm.ringProperty().addListener((obs, was, now) -> {
            if (was != null && now == null) {
                ringDivider[0] = split.getDividers().get(0).getPosition();
                split.setDividerPositions(NOTE_DIVIDER);
            } else if (was == null && now != null) {
                split.setDividerPositions(ringDivider[0]);
            }
        });
        root.setTop(top);
        root.setCenter(split);
    }

    /** The ring's share of the height between the controls and the charts. */
    private static final double RING_DIVIDER = 0.6;
    /** The note's share when there is no ring: its three lines at 1280 × 720, with a margin. */
    private static final double NOTE_DIVIDER = 0.2;

    public Parent root() {
        return root;
    }

    /**
     * A combo box that shows {@code chosen} and asks {@code choose} when the user picks; a refused pick snaps back
     * to what is still chosen (the reason shows in the error line).
     */
    private static <T> ComboBox<T> choice(String id, Function<T, String> label, ReadOnlyObjectProperty<T> chosen,
                                          Predicate<T> choose) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        box.setCellFactory(list -> new TextCell<>(label));
        box.setButtonCell(new TextCell<>(label));
        box.setValue(chosen.get());
        box.setFocusTraversable(false); // Space belongs to the simulation's play/pause
        chosen.addListener((obs, was, now) -> box.setValue(now));
        box.setOnAction(e -> {
            T picked = box.getValue();
            if (picked != null && !picked.equals(chosen.get()) && !choose.test(picked)) {
                box.setValue(chosen.get());
            }
        });
        return box;
    }

    /** A text field that commits on Enter and when it loses the focus. */
    private static TextField field(String id, StringProperty text, Runnable commit, int columns) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(text);
        f.setPrefColumnCount(columns);
        f.setOnAction(e -> commit.run());
        f.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                commit.run();
            }
        });
        return f;
    }

    private static HBox labelled(I18n i18n, String key, Node control) {
        Label l = new Label(i18n.get(key));
        l.setTooltip(new Tooltip(i18n.get(key + ".help")));
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.setLabelFor(control);
        HBox box = new HBox(6, l, control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** A legend entry: a coloured mark and its name, explained on hover. */
    private static Label swatch(String text, String help, Color colour, boolean tall) {
        Rectangle r = new Rectangle(tall ? 4 : 12, tall ? 14 : 12, colour);
        Label l = new Label(text, r);
        l.getStyleClass().add("io-legend");
        l.setTooltip(new Tooltip(help));
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }
}
