package org.virtlab.ui.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import org.kordamp.ikonli.javafx.FontIcon;
import org.virtlab.ui.i18n.I18n;

/**
 * The Topology tab: a canvas of host cards, each holding its VMs with live demand bars, that can be zoomed
 * (wheel, buttons, fit to window) and panned (drag the empty canvas). Click selects, Shift-click adds to
 * the selection, Shift-drag on the empty canvas selects an area. Hosts move by their title; a VM dragged
 * onto another host moves there (or migrates live, when it runs), if the target's admission control lets
 * it. Palette items are dropped here: a host on the canvas, a VM on a host.
 */
public final class TopologyView {
    static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");
    static final PseudoClass DROP_REFUSED = PseudoClass.getPseudoClass("drop-refused");
    /** The property key of a node a NIC can plug into (a network chip, a port group row): the target's id. */
    static final String WIRE_TARGET = "virtlab.wireTarget";
    /** What a palette drag carries: the name of a {@link TopologyViewModel.PaletteItem}. */
    public static final DataFormat PALETTE_ITEM = new DataFormat("application/x-virtlab-palette-item");
    static final double MIN_ZOOM = 0.1;
    static final double MAX_ZOOM = 4;
    /** How far the pointer must move before a press becomes a drag, in screen pixels. */
    private static final double DRAG_THRESHOLD = 5;
    private static final double FIT_MARGIN = 24;
    /** Below this zoom VM cards show no text: it would be too small to read. */
    static final double DETAIL_ZOOM = 0.55;
    /** How far beyond the visible area cards are built, in screen pixels. */
    private static final double VIEW_MARGIN = 200;
    /** A host card's height above its VM grid, measured from a card on screen (a guess until then). */
    private double headerHeight = 120;
    private boolean viewChanging;

    private final BorderPane root = new BorderPane();
    /** The visible area: clips the content, takes pans, zooms and palette drops. */
    private final Pane viewport = new Pane();
    /** Everything drawn, in canvas coordinates (the file's positions). */
    private final Group content = new Group();
    private final Pane cards = new Pane();
    private final Group overlay = new Group();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final Translate pan = new Translate(0, 0);
    private final TopologyViewModel viewModel;
    private final I18n i18n;
    private final Label note = new Label();
    private final Label zoomLabel = new Label();
    private final Map<String, HostCard> hostCards = new LinkedHashMap<>();
    private final Map<String, VmCard> vmCards = new HashMap<>();
    private final Map<String, SwitchCard> switchCards = new LinkedHashMap<>();
    /** Wires (NIC to network or port group) and uplinks (switch to host), drawn over the cards. */
    private final WireLayer wires;
    private final Rectangle band = new Rectangle();
    private final Label ghost = new Label();
    /** The LAN, its router, the LAN machine and the Internet, under the hosts; null without hosts. */
    private PhysicalCard physical;
    /** Where the physical side was last put: x, y, width. */
    private final double[] physicalAt = {Double.NaN, Double.NaN, Double.NaN};
    private final PacketTrail trail;
    private final TraceLayer trace;
    /** How far below the lowest card the LAN bar runs, in canvas pixels. */
    private static final double LAN_GAP = 90;

    /**
     * @param network the Network tab's state: its last trace is drawn on this canvas, stepped by the same
     *                buttons, and a trace can be started here (a VM's or machine's context menu)
     */
    public TopologyView(TopologyViewModel viewModel, org.virtlab.ui.network.NetworkViewModel network, I18n i18n) {
        this.viewModel = viewModel;
        this.i18n = i18n;
        this.trail = viewModel.trail(network);
        root.getStylesheets().add(TopologyView.class.getResource("topology.css").toExternalForm());
        viewport.getStyleClass().add("topology-canvas");
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(viewport.widthProperty());
        clip.heightProperty().bind(viewport.heightProperty());
        viewport.setClip(clip);
        cards.setPickOnBounds(false);
        band.getStyleClass().add("selection-band");
        band.setVisible(false);
        band.setMouseTransparent(true);
        ghost.getStyleClass().add("drag-ghost");
        ghost.setVisible(false);
        ghost.setMouseTransparent(true);
        ghost.setManaged(false);
        wires = new WireLayer(viewModel, i18n, cards, note::setText, this::pick);
        trace = new TraceLayer(trail, wires, i18n);
        wires.setAfterDraw(trace::refresh);
        overlay.getChildren().addAll(band, wires.draft());
        overlay.setMouseTransparent(true);
        content.getChildren().addAll(cards, wires, trace, overlay);
        // Wires follow the cards: drawn after each layout pass that changed something they join; the LAN first
        // follows the hosts' cards as they now are.
        Runnable afterLayout = () -> {
            placePhysical();
            wires.drawIfDirty().run();
        };
        root.sceneProperty().addListener((obs, was, now) -> {
            if (was != null) {
                was.removePostLayoutPulseListener(afterLayout);
            }
            if (now != null) {
                now.addPostLayoutPulseListener(afterLayout);
            }
        });
        content.getTransforms().addAll(pan, scale);
        content.setManaged(false);
        viewport.getChildren().addAll(content, ghost);
        viewport.setMinSize(200, 200);

        panAndBand();
        viewport.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) {
                zoomAt(scale.getX() * Math.pow(1.1, e.getDeltaY() / 40), e.getX(), e.getY());
                e.consume();
            }
        });
        paletteDrops();

        // The packet's bar under the toolbar, shown only while there is a trace: it never covers the diagram.
        root.setTop(new VBox(toolbar(), trace.bar()));
        root.setCenter(viewport);
        note.setText(i18n.get("topology.note"));
        note.getStyleClass().add("tab-note");
        note.setWrapText(true);
        VBox.setMargin(note, new Insets(6, 8, 6, 8));
        root.setBottom(new VBox(new MigrationPanel(viewModel, i18n), note));
        viewModel.hosts().addListener((ListChangeListener<TopologyViewModel.HostItem>) c -> rebuild());
        viewModel.switches().addListener((ListChangeListener<TopologyViewModel.SwitchItem>) c -> rebuild());
        viewModel.physicalProperty().addListener((obs, was, now) -> rebuild());
        network.traceProperty().addListener((obs, was, now) -> wires.markDirty());
        viewModel.selection().versionProperty().addListener((obs, was, now) -> markSelection());
        viewModel.zoomProperty().addListener((obs, was, now) -> applyZoom(now.doubleValue()));
        // Cards come and go as the view moves; the check is cheap (one rectangle per host).
        pan.xProperty().addListener((obs, was, now) -> rebuildSoon());
        pan.yProperty().addListener((obs, was, now) -> rebuildSoon());
        scale.xProperty().addListener((obs, was, now) -> rebuildSoon());
        viewport.widthProperty().addListener((obs, was, now) -> rebuildSoon());
        viewport.heightProperty().addListener((obs, was, now) -> rebuildSoon());
        applyZoom(viewModel.zoomProperty().get());
        // Presenter mode zooms the canvas by the charts' share of its scale (and back), from the top left corner:
        // the cards' text grows with the rest of the window, and the user's own zoom is kept relative to it.
        double[] presented = {1};
        org.virtlab.ui.common.Presentation.follow(root, look -> {
            double share = org.virtlab.ui.common.PresentationStyler.chartScale(look.scale());
            double factor = share / presented[0];
            presented[0] = share;
            if (factor != 1) {
                zoomAt(scale.getX() * factor, 0, 0);
            }
        });
        rebuild();
    }

    public BorderPane root() {
        return root;
    }

    private HBox toolbar() {
        Button out = iconButton("topologyZoomOut", "mdi2m-magnify-minus-outline", "topology.zoomOut",
                () -> zoomAtCentre(scale.getX() / 1.25));
        Button in = iconButton("topologyZoomIn", "mdi2m-magnify-plus-outline", "topology.zoomIn",
                () -> zoomAtCentre(scale.getX() * 1.25));
        Button actual = iconButton("topologyZoomReset", "mdi2m-magnify-close", "topology.zoomReset",
                () -> zoomAtCentre(1));
        Button fit = iconButton("topologyFit", "mdi2f-fit-to-page-outline", "topology.fit", this::fitToWindow);
        zoomLabel.setId("topologyZoom");
        zoomLabel.setMinWidth(56);
        zoomLabel.setAlignment(Pos.CENTER);
        Label hint = new Label(i18n.get("topology.hint"));
        hint.getStyleClass().add("tab-note");
        hint.setMinWidth(0);
        HBox.setHgrow(hint, Priority.ALWAYS);
        HBox bar = new HBox(4, out, zoomLabel, in, actual, fit, hint);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.getStyleClass().add("topology-toolbar");
        HBox.setMargin(hint, new Insets(0, 0, 0, 12));
        return bar;
    }

    private Button iconButton(String id, String icon, String tipKey, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(i18n.get(tipKey)));
        b.setAccessibleText(i18n.get(tipKey));
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    // ---- zoom and pan ----

    private void zoomAtCentre(double zoom) {
        zoomAt(zoom, viewport.getWidth() / 2, viewport.getHeight() / 2);
    }

    /** Zooms keeping the canvas point under (vx, vy) in the viewport where it is. */
    private void zoomAt(double zoom, double vx, double vy) {
        double next = clampZoom(zoom);
        double factor = next / scale.getX();
        changeView(() -> {
            pan.setX(vx - (vx - pan.getX()) * factor);
            pan.setY(vy - (vy - pan.getY()) * factor);
            viewModel.setZoom(next);
        });
    }

    private void applyZoom(double zoom) {
        trace.setZoom(zoom);
        scale.setX(zoom);
        scale.setY(zoom);
        zoomLabel.setText(i18n.format("topology.zoom", Math.round(zoom * 100)));
    }

    private static double clampZoom(double zoom) {
        return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom));
    }

    /** Scales and pans so every card shows, with a margin; never enlarges beyond 100 %. */
    public void fitToWindow() {
        Bounds b = cardBounds();
        if (b == null || viewport.getWidth() <= 0 || viewport.getHeight() <= 0) {
            return;
        }
        double zoom = clampZoom(Math.min(1, Math.min((viewport.getWidth() - 2 * FIT_MARGIN) / b.getWidth(),
                (viewport.getHeight() - 2 * FIT_MARGIN) / b.getHeight())));
        changeView(() -> {
            viewModel.setZoom(zoom);
            applyZoom(zoom);
            pan.setX(FIT_MARGIN - b.getMinX() * zoom
                    + Math.max(0, (viewport.getWidth() - 2 * FIT_MARGIN - b.getWidth() * zoom) / 2));
            pan.setY(FIT_MARGIN - b.getMinY() * zoom);
        });
    }

    /** The union of all host cards' bounds in canvas coordinates (built or not), or null when there are none. */
    private Bounds cardBounds() {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (TopologyViewModel.HostItem host : viewModel.hosts()) {
            HostCard card = hostCards.get(host.id());
            Bounds b = card != null ? card.getBoundsInParent() : estimatedBounds(host);
            minX = Math.min(minX, b.getMinX());
            minY = Math.min(minY, b.getMinY());
            maxX = Math.max(maxX, b.getMaxX());
            maxY = Math.max(maxY, b.getMaxY());
        }
        for (SwitchCard card : switchCards.values()) {
            Bounds b = card.getBoundsInParent();
            minX = Math.min(minX, b.getMinX());
            minY = Math.min(minY, b.getMinY());
            maxX = Math.max(maxX, b.getMaxX());
            maxY = Math.max(maxY, b.getMaxY());
        }
        if (physical != null && minX <= maxX) {
            Bounds b = physical.getBoundsInParent();
            maxX = Math.max(maxX, b.getMaxX());
            maxY = Math.max(maxY, b.getMaxY());
        }
        return minX > maxX ? null : new javafx.geometry.BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    /** A point of the scene in canvas coordinates. */
    private Point2D toCanvas(double sceneX, double sceneY) {
        return cards.sceneToLocal(sceneX, sceneY);
    }

    /**
     * Presses on the empty canvas: a drag pans (or, with Shift, draws a selection band); a click without a
     * drag clears the selection.
     */
    private void panAndBand() {
        double[] start = new double[4];
        // pressed on the empty canvas; moved past the threshold; drawing a band
        boolean[] dragging = {false, false, false};
        viewport.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            dragging[2] = isEmptyCanvas(e);
            if (!dragging[2]) {
                return;
            }
            start[0] = e.getX();
            start[1] = e.getY();
            start[2] = pan.getX();
            start[3] = pan.getY();
            dragging[0] = false;
            dragging[1] = e.isShiftDown() && e.getButton() == MouseButton.PRIMARY;
            viewport.requestFocus();
        });
        viewport.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (!dragging[2]) {
                return;
            }
            double dx = e.getX() - start[0];
            double dy = e.getY() - start[1];
            if (!dragging[0] && Math.hypot(dx, dy) < DRAG_THRESHOLD) {
                return;
            }
            dragging[0] = true;
            if (dragging[1]) {
                Point2D a = content.parentToLocal(start[0], start[1]);
                Point2D b = content.parentToLocal(e.getX(), e.getY());
                band.setX(Math.min(a.getX(), b.getX()));
                band.setY(Math.min(a.getY(), b.getY()));
                band.setWidth(Math.abs(a.getX() - b.getX()));
                band.setHeight(Math.abs(a.getY() - b.getY()));
                band.setStrokeWidth(2 / scale.getX());
                band.setVisible(true);
            } else {
                viewport.setCursor(Cursor.CLOSED_HAND);
                changeView(() -> {
                    pan.setX(start[2] + dx);
                    pan.setY(start[3] + dy);
                });
            }
        });
        viewport.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (!dragging[2]) {
                return;
            }
            dragging[2] = false;
            viewport.setCursor(Cursor.DEFAULT);
            if (dragging[0] && dragging[1]) {
                selectInBand(e.isShiftDown());
            } else if (!dragging[0] && !e.isShiftDown()) {
                viewModel.selection().clear();
            }
            band.setVisible(false);
            dragging[0] = false;
            dragging[1] = false;
        });
    }

    /** Whether a mouse event started on the canvas itself rather than on a card. */
    private boolean isEmptyCanvas(MouseEvent e) {
        Node target = e.getPickResult().getIntersectedNode();
        return target == viewport || target == cards || target == null;
    }

    /** Selects the VMs the band touches and the hosts it encloses (adding to the selection when asked). */
    private void selectInBand(boolean add) {
        Bounds area = band.getBoundsInParent();
        List<String> picked = new ArrayList<>(add ? viewModel.selection().ids() : List.of());
        for (HostCard host : hostCards.values()) {
            if (contains(area, host.getBoundsInParent())) {
                picked.add(host.hostId());
            }
            for (VmCard vm : host.vmCards()) {
                Bounds b = cards.sceneToLocal(vm.localToScene(vm.getLayoutBounds()));
                if (area.intersects(b)) {
                    picked.add(vm.vmId());
                }
            }
            for (Label chip : host.networkChips()) {
                if (area.intersects(cards.sceneToLocal(chip.localToScene(chip.getLayoutBounds())))) {
                    picked.add((String) chip.getUserData());
                }
            }
        }
        for (SwitchCard sw : switchCards.values()) {
            if (contains(area, sw.getBoundsInParent())) {
                picked.add(sw.switchId());
            }
        }
        viewModel.selection().setAll(picked);
    }

    private static boolean contains(Bounds outer, Bounds inner) {
        return outer.getMinX() <= inner.getMinX() && outer.getMinY() <= inner.getMinY()
                && outer.getMaxX() >= inner.getMaxX() && outer.getMaxY() >= inner.getMaxY();
    }

    // ---- palette drops ----

    /** Palette drops on the empty canvas: a host is taken, a VM is refused (it needs a host). */
    private void paletteDrops() {
        viewport.setOnDragOver(e -> itemOf(e).ifPresent(item -> {
            boolean ok = viewModel.accepts(item, null);
            if (ok) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            viewport.pseudoClassStateChanged(DROP_REFUSED, !ok);
            note.setText(i18n.get(item == TopologyViewModel.PaletteItem.HOST ? "topology.drop.host"
                    : item == TopologyViewModel.PaletteItem.SWITCH ? "topology.drop.switch"
                    : item == TopologyViewModel.PaletteItem.PORT_GROUP ? "topology.drop.needsSwitch"
                    : item == TopologyViewModel.PaletteItem.VM ? "topology.drop.vmNeedsHost" : "topology.drop.needsHost"));
            e.consume();
        }));
        viewport.setOnDragExited(e -> {
            viewport.pseudoClassStateChanged(DROP_REFUSED, false);
            note.setText(i18n.get("topology.note"));
        });
        viewport.setOnDragDropped(e -> {
            Optional<TopologyViewModel.PaletteItem> item = itemOf(e);
            Point2D at = toCanvas(e.getSceneX(), e.getSceneY());
            e.setDropCompleted(item.isPresent() && viewModel.drop(item.get(), null, at.getX(), at.getY()).isPresent());
            e.consume();
        });
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

    // ---- cards ----

    /** Rebuilds for a new view, unless a zoom or fit is changing several things at once (it rebuilds after). */
    private void rebuildSoon() {
        if (!viewChanging) {
            rebuild();
        }
    }

    /** Changes zoom and pan together, then rebuilds once. */
    private void changeView(Runnable change) {
        viewChanging = true;
        try {
            change.run();
        } finally {
            viewChanging = false;
        }
        rebuild();
    }

    /**
     * Shows the hosts that are in view (and a margin around it), reusing the card of every host whose
     * content did not change: an edit to one VM rebuilds one card, not five hundred, and a lesson of fifty
     * hosts builds only the cards on screen. Below {@link #DETAIL_ZOOM} the cards drop their text.
     */
    private void rebuild() {
        double zoom = scale.getX();
        boolean detailed = zoom >= DETAIL_ZOOM;
        Bounds view = visibleArea();
        Map<String, HostCard> old = new HashMap<>(hostCards);
        hostCards.clear();
        vmCards.clear();
        List<Node> nodes = new ArrayList<>();
        for (TopologyViewModel.HostItem host : viewModel.hosts()) {
            HostCard card = old.get(host.id());
            // A card built in this pulse has no size until it is laid out: until then, the estimate.
            Bounds at = card != null && card.getWidth() > 0 ? card.getBoundsInParent() : estimatedBounds(host);
            if (view != null && !view.intersects(host.x(), host.y(), at.getWidth(), at.getHeight())) {
                continue;
            }
            if (card == null || !card.item().sameContent(host) || card.detailed() != detailed) {
                card = hostCard(host, detailed);
            } else if (card.getLayoutX() != host.x() || card.getLayoutY() != host.y()) {
                card.relocate(host.x(), host.y());
            }
            hostCards.put(host.id(), card);
            card.vmCards().forEach(vm -> vmCards.put(vm.vmId(), vm));
            nodes.add(card);
        }
        // Switches are few: always built, over the hosts.
        Map<String, SwitchCard> oldSwitches = new HashMap<>(switchCards);
        switchCards.clear();
        for (TopologyViewModel.SwitchItem sw : viewModel.switches()) {
            SwitchCard card = oldSwitches.get(sw.id());
            if (card == null || !card.item().equals(sw)) {
                card = switchCard(sw);
            }
            switchCards.put(sw.id(), card);
            nodes.add(card);
        }
        TopologyViewModel.PhysicalItem phys = viewModel.physicalProperty().get();
        if (phys == null || viewModel.hosts().isEmpty()) {
            physical = null;
        } else if (physical == null || !physical.item().equals(phys)) {
            physical = physicalCard(phys);
            physicalAt[0] = Double.NaN;
        }
        if (physical != null) {
            nodes.add(0, physical); // under the cards and their wires
            placePhysical();
        }
        wires.show(hostCards, vmCards.values(), switchCards.values(), physical);
        // Only the cards that come or go change: re-adding a card that stays would style it again.
        java.util.Set<Node> keep = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        keep.addAll(nodes);
        cards.getChildren().removeIf(n -> !keep.contains(n));
        java.util.Set<Node> present = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        present.addAll(cards.getChildren());
        List<Node> added = nodes.stream().filter(n -> !present.contains(n)).toList();
        cards.getChildren().addAll(added);
        markSelection();
    }

    /**
     * The part of the canvas in view, in canvas coordinates, widened by a margin so a short pan does not
     * show missing cards; null before the viewport has a size (then every card is built).
     */
    private Bounds visibleArea() {
        if (viewport.getWidth() <= 0 || viewport.getHeight() <= 0) {
            return null;
        }
        double z = scale.getX();
        double margin = VIEW_MARGIN / z;
        return new javafx.geometry.BoundingBox(-pan.getX() / z - margin, -pan.getY() / z - margin,
                viewport.getWidth() / z + 2 * margin, viewport.getHeight() / z + 2 * margin);
    }

    /** Where a host's card would be: its place, the card's fixed width, its grid and a measured header. */
    private Bounds estimatedBounds(TopologyViewModel.HostItem host) {
        for (HostCard shown : hostCards.values()) {
            if (shown.getHeight() > 0) {
                headerHeight = shown.getHeight() - HostCard.gridHeight(shown.vmCards().size())
                        - HostCard.networksHeight(shown.networkChips().size());
                break;
            }
        }
        return new javafx.geometry.BoundingBox(host.x(), host.y(), HostCard.WIDTH,
                headerHeight + HostCard.gridHeight(host.vms().size()) + HostCard.networksHeight(host.networks().size()));
    }

    /**
     * Puts the physical side under every host and switch, as wide as they spread: real bounds for the cards that
     * are built, estimates for the rest. Draws the wires again when it moved.
     */
    private void placePhysical() {
        if (physical == null) {
            return;
        }
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (TopologyViewModel.HostItem host : viewModel.hosts()) {
            HostCard card = hostCards.get(host.id());
            Bounds b = card != null && card.getHeight() > 0 ? card.getBoundsInParent() : estimatedBounds(host);
            minX = Math.min(minX, b.getMinX());
            maxX = Math.max(maxX, b.getMaxX());
            maxY = Math.max(maxY, b.getMaxY());
        }
        for (SwitchCard card : switchCards.values()) {
            Bounds b = card.getBoundsInParent();
            maxX = Math.max(maxX, b.getMaxX());
            maxY = Math.max(maxY, card.getHeight() > 0 ? b.getMaxY() : card.getLayoutY() + 160);
        }
        if (minX > maxX) {
            return;
        }
        double y = maxY + LAN_GAP;
        double width = maxX - minX;
        if (minX != physicalAt[0] || y != physicalAt[1] || width != physicalAt[2]) {
            physicalAt[0] = minX;
            physicalAt[1] = y;
            physicalAt[2] = width;
            physical.place(minX, y, width);
            wires.markDirty();
        }
    }

    private PhysicalCard physicalCard(TopologyViewModel.PhysicalItem item) {
        PhysicalCard card = new PhysicalCard(item);
        for (String id : List.of(TracePlace.LAN_PC, TracePlace.ROUTER,
                TracePlace.INTERNET)) {
            traceMenu(card.machine(id), id, card.machine(id).getText().lines().findFirst().orElse(id));
        }
        return card;
    }

    /**
     * A context menu that starts a trace from an element ({@code elementId}: a VM, a host, the LAN machine, the
     * Internet server) to any endpoint, with the Network tab's protocol and port; the packet then shows here.
     */
    private void traceMenu(Node node, String elementId, String name) {
        node.setOnContextMenuRequested(e -> {
            javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu();
            menu.setId("traceMenu");
            String from = trail.endpointOf(elementId);
            javafx.scene.control.MenuItem head = new javafx.scene.control.MenuItem(from == null
                    ? i18n.format("topology.trace.unwired", name) : i18n.format("topology.trace.to", name));
            head.setDisable(true);
            menu.getItems().add(head);
            if (from != null) {
                menu.getItems().add(new javafx.scene.control.SeparatorMenuItem());
                for (String to : trail.destinations(from)) {
                    javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(trail.label(to));
                    item.setId("traceTo-" + to.replace(':', '-'));
                    item.setOnAction(a -> {
                        String refused = trail.traceTo(from, to);
                        note.setText(refused.isEmpty() ? i18n.get("topology.trace.sent") : refused);
                    });
                    menu.getItems().add(item);
                }
            }
            menu.show(node, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    private HostCard hostCard(TopologyViewModel.HostItem host, boolean detailed) {
        HostCard card = new HostCard(host, detailed);
        card.setOnMouseClicked(e -> {
            if (e.isStillSincePress()) {
                pick(host.id(), e);
            }
            e.consume();
        });
        draggableByTitle(card, card.title(), (x, y) -> viewModel.moveHost(card.hostId(), x, y));
        paletteTarget(card, card.hostId());
        traceMenu(card.title(), host.id(), host.name());
        for (VmCard vm : card.vmCards()) {
            vmDragging(vm, card);
            traceMenu(vm, vm.vmId(), vm.item().name());
            vm.ports().forEach(port -> wires.dragFrom(vm, port));
        }
        for (Label chip : card.networkChips()) {
            chip.setOnMouseClicked(e -> {
                pick((String) chip.getUserData(), e);
                e.consume();
            });
        }
        return card;
    }

    private SwitchCard switchCard(TopologyViewModel.SwitchItem sw) {
        SwitchCard card = new SwitchCard(sw, i18n);
        card.setOnMouseClicked(e -> {
            if (e.isStillSincePress()) {
                pick(sw.id(), e);
            }
            e.consume();
        });
        for (Label row : card.portGroups()) {
            row.setOnMouseClicked(e -> {
                pick((String) row.getUserData(), e);
                e.consume();
            });
        }
        draggableByTitle(card, card.title(), (x, y) -> viewModel.moveSwitch(sw.id(), x, y));
        paletteTarget(card, sw.id());
        return card;
    }


    private void pick(String id, MouseEvent e) {
        if (e.isShiftDown() || e.isShortcutDown()) {
            viewModel.selection().toggle(id);
        } else {
            viewModel.selection().select(id);
        }
    }

    /**
     * Dragging a card by its title moves it (the wires follow); the new place is one edit, {@code moved},
     * when the mouse is let go.
     */
    private void draggableByTitle(Region card, Label title, java.util.function.BiConsumer<Double, Double> moved) {
        double[] grab = new double[2];
        title.setOnMousePressed(e -> {
            Point2D p = toCanvas(e.getSceneX(), e.getSceneY());
            grab[0] = p.getX() - card.getLayoutX();
            grab[1] = p.getY() - card.getLayoutY();
            e.consume();
        });
        title.setOnMouseDragged(e -> {
            Point2D p = toCanvas(e.getSceneX(), e.getSceneY());
            card.relocate(Math.max(0, p.getX() - grab[0]), Math.max(0, p.getY() - grab[1]));
            wires.draw();
            e.consume();
        });
        title.setOnMouseReleased(e -> {
            if (!e.isStillSincePress()) {
                moved.accept(card.getLayoutX(), card.getLayoutY());
            }
            e.consume();
        });
    }

    /** Palette items dropped on a card land on what it shows (a VM or network on a host, a port group on a switch). */
    private void paletteTarget(Region card, String targetId) {
        card.setOnDragOver(e -> itemOf(e).ifPresent(item -> {
            boolean ok = viewModel.accepts(item, targetId);
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
            e.setDropCompleted(item.isPresent() && viewModel.drop(item.get(), targetId, 0, 0).isPresent());
            e.consume();
        });
    }

    /**
     * A VM card dragged past the threshold shows a ghost under the pointer; each host it passes says whether
     * it would take the VM (and why not), and letting go on one that does moves or migrates the VM there.
     */
    private void vmDragging(VmCard vm, HostCard home) {
        double[] start = new double[2];
        HostCard[] over = {null};
        boolean[] dragging = {false};
        vm.setOnMousePressed(e -> {
            start[0] = e.getSceneX();
            start[1] = e.getSceneY();
            dragging[0] = false;
            e.consume();
        });
        vm.setOnMouseDragged(e -> {
            e.consume();
            if (!dragging[0] && Math.hypot(e.getSceneX() - start[0], e.getSceneY() - start[1]) < DRAG_THRESHOLD) {
                return;
            }
            if (!dragging[0]) {
                dragging[0] = true;
                vm.pseudoClassStateChanged(VmCard.DRAGGED, true);
                ghost.setText(viewModel.vmName(vm.vmId()));
                ghost.setVisible(true);
                ghost.autosize();
            }
            Point2D v = viewport.sceneToLocal(e.getSceneX(), e.getSceneY());
            ghost.relocate(v.getX() + 12, v.getY() + 8);
            HostCard target = hostAt(e.getSceneX(), e.getSceneY());
            if (target != over[0]) {
                markDropTarget(over[0], false, false);
                over[0] = target;
            }
            if (target == null || target == home) {
                note.setText(i18n.get("topology.note"));
                return;
            }
            TopologyViewModel.MoveCheck check = viewModel.checkMove(vm.vmId(), target.hostId());
            markDropTarget(target, check.allowed(), !check.allowed());
            note.setText(check.message());
            e.consume();
        });
        vm.setOnMouseReleased(e -> {
            if (dragging[0]) {
                vm.pseudoClassStateChanged(VmCard.DRAGGED, false);
                ghost.setVisible(false);
                markDropTarget(over[0], false, false);
                if (over[0] != null && over[0] != home) {
                    note.setText(viewModel.moveVm(vm.vmId(), over[0].hostId()).message());
                }
                over[0] = null;
                dragging[0] = false;
            }
            e.consume();
        });
        vm.setOnMouseClicked(e -> {
            if (e.isStillSincePress()) {
                pick(vm.vmId(), e);
            }
            e.consume();
        });
    }

    private HostCard hostAt(double sceneX, double sceneY) {
        for (HostCard card : hostCards.values()) {
            Point2D p = card.sceneToLocal(sceneX, sceneY);
            if (p != null && card.contains(p)) {
                return card;
            }
        }
        return null;
    }

    private static void markDropTarget(HostCard card, boolean ok, boolean refused) {
        if (card != null) {
            card.pseudoClassStateChanged(DROP_TARGET, ok);
            card.pseudoClassStateChanged(DROP_REFUSED, refused);
        }
    }

    private void markSelection() {
        var selection = viewModel.selection();
        hostCards.forEach((id, card) -> card.pseudoClassStateChanged(VmCard.SELECTED, selection.isSelected(id)));
        vmCards.forEach((id, card) -> card.pseudoClassStateChanged(VmCard.SELECTED, selection.isSelected(id)));
        switchCards.forEach((id, card) -> card.pseudoClassStateChanged(VmCard.SELECTED, selection.isSelected(id)));
        wires.mark(selection);
    }
}
