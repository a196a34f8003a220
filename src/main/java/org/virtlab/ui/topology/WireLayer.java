package org.virtlab.ui.topology;

import org.virtlab.ui.common.WireId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import org.virtlab.ui.common.Selection;
import org.virtlab.ui.i18n.I18n;

/**
 * The wires of the topology, drawn over the cards in canvas coordinates: each NIC to the network or port
 * group it plugs into, each distributed switch to the hosts it spans (its uplinks, dashed). Also the gesture
 * that makes a wire: dragging from a NIC port.
 */
final class WireLayer extends Group {
    private final TopologyViewModel viewModel;
    private final I18n i18n;
    /** The cards' pane: the canvas coordinates everything is drawn in. */
    private final Pane cards;
    private final Consumer<String> say;
    private final BiConsumer<String, MouseEvent> pick;
    private final Selection selection;
    /** Built nodes a NIC can plug into (network chips, port group rows), by the id of what they show. */
    private final Map<String, Node> targets = new HashMap<>();
    private final Map<String, Node> wireNodes = new HashMap<>();
    /** The wire being drawn from a NIC port while the mouse drags it. */
    private final javafx.scene.shape.CubicCurve draft = new javafx.scene.shape.CubicCurve();
    private Map<String, HostCard> hostCards = Map.of();
    private Collection<VmCard> vmCards = List.of();
    private Collection<SwitchCard> switchCards = List.of();
    private PhysicalCard physical;
    /** Each built host's uplink to the LAN bar, by host id; each switch's dashed uplink by "switch/host". */
    private final Map<String, javafx.scene.shape.Line> hostUplinks = new HashMap<>();
    private final Map<String, javafx.scene.shape.Line> dvsUplinks = new HashMap<>();
    private boolean dirty = true;
    /** What runs after each drawing: the packet marker follows the wires. */
    private Runnable afterDraw = () -> { };
    /** How far a wire runs out of its port before it turns towards its target, in canvas pixels. */
    private static final double EXIT_REACH = 36;

    /**
     * @param say  shows a line under the canvas (what a drop would do, or why not)
     * @param pick selects an element as a click does (Shift adds)
     */
    WireLayer(TopologyViewModel viewModel, I18n i18n, Pane cards, Consumer<String> say,
              BiConsumer<String, MouseEvent> pick) {
        this.viewModel = viewModel;
        this.i18n = i18n;
        this.cards = cards;
        this.say = say;
        this.pick = pick;
        this.selection = viewModel.selection();
        draft.getStyleClass().add("wire-draft");
        draft.setFill(null);
        draft.setVisible(false);
    }

    private final Runnable drawIfDirty = () -> {
        if (dirty) {
            draw();
        }
    };

    /** What the scene runs after each layout pass: draws the wires again if what they join changed. */
    Runnable drawIfDirty() {
        return drawIfDirty;
    }

    /** The wire being drawn from a port, for the view's overlay. */
    javafx.scene.shape.CubicCurve draft() {
        return draft;
    }

    /** Takes the built cards; the wires follow after the next layout pass. */
    void show(Map<String, HostCard> hosts, Collection<VmCard> vms, Collection<SwitchCard> switches,
              PhysicalCard physical) {
        this.physical = physical;
        hostCards = hosts;
        vmCards = vms;
        switchCards = switches;
        targets.clear();
        hosts.values().forEach(h -> h.networkChips().forEach(c -> targets.put((String) c.getUserData(), c)));
        switches.forEach(w -> w.portGroups().forEach(g -> targets.put((String) g.getUserData(), g)));
        dirty = true;
    }

    /** Marks the selected wires and wire targets. */
    void mark(Selection selection) {
        targets.forEach((id, node) -> node.pseudoClassStateChanged(VmCard.SELECTED, selection.isSelected(id)));
        wireNodes.forEach((id, node) -> node.pseudoClassStateChanged(VmCard.SELECTED, selection.isSelected(id)));
    }

    /**
     * Draws every wire whose two ends are built (a NIC port and a network chip or port group row) as a curve
     * leaving the port to the right, and every uplink of a built switch to a built host as a dashed line.
     */
    void draw() {
        dirty = false;
        List<Node> lines = new ArrayList<>();
        wireNodes.clear();
        hostUplinks.clear();
        dvsUplinks.clear();
        if (physical != null) {
            Map<String, String> texts = physical.item().uplinks();
            for (HostCard host : hostCards.values()) {
                Bounds h = host.getBoundsInParent();
                Point2D down = physical.barTop(uplinkX(h));
                if (down.getY() <= h.getMaxY()) {
                    continue; // a host dragged below the LAN: no line through it
                }
                javafx.scene.shape.Line up = new javafx.scene.shape.Line(down.getX(), h.getMaxY(), down.getX(), down.getY());
                up.getStyleClass().add("host-uplink");
                up.setMouseTransparent(true);
                hostUplinks.put(host.hostId(), up);
                lines.add(up);
                String text = texts.get(host.hostId());
                if (text != null && !text.isBlank()) {
                    javafx.scene.control.Label label = new javafx.scene.control.Label(text);
                    label.getStyleClass().add("uplink-label");
                    label.setMouseTransparent(true);
                    label.relocate(down.getX() + 16, h.getMaxY() + 16);
                    lines.add(label);
                }
            }
        }
        for (SwitchCard sw : switchCards) {
            Bounds s = sw.getBoundsInParent();
            for (String hostId : sw.item().hostIds()) {
                HostCard host = hostCards.get(hostId);
                if (host == null) {
                    continue;
                }
                Bounds h = host.getBoundsInParent();
                boolean above = s.getMaxY() <= h.getMinY();
                javafx.scene.shape.Line uplink = new javafx.scene.shape.Line(s.getCenterX(),
                        above ? s.getMaxY() : s.getMinY(), h.getCenterX(), above ? h.getMinY() : h.getMaxY());
                uplink.getStyleClass().add("uplink");
                uplink.setMouseTransparent(true);
                dvsUplinks.put(sw.switchId() + "/" + hostId, uplink);
                lines.add(uplink);
            }
        }
        for (VmCard vm : vmCards) {
            for (TopologyViewModel.NicItem nic : vm.item().nics()) {
                Node target = nic.targetId() == null ? null : targets.get(nic.targetId());
                if (target == null || nic.index() >= vm.ports().size()) {
                    continue;
                }
                Point2D a = centre(vm.ports().get(nic.index()));
                Bounds t = cards.sceneToLocal(target.localToScene(target.getLayoutBounds()));
                if (a == null || t == null) {
                    continue;
                }
                // A network chip below its VMs is entered from the top; a port group row from its nearer side.
                boolean fromTop = !"portgroup".equals(nic.kind()) && t.getMinY() > a.getY();
                boolean fromLeft = a.getX() < t.getCenterX();
                // Onto a network's bridge bar from above, a little right of the port: the bar is a bus.
                double landX = a.getX() + 24 + 12 * nic.index()
                        + 12 * (Math.floorMod((int) Math.round(a.getY() / (VmCard.HEIGHT + HostCard.GAP)), 3));
                Point2D b = fromTop ? new Point2D(Math.max(t.getMinX() + 12, Math.min(t.getMaxX() - 12, landX)), t.getMinY())
                        : new Point2D(fromLeft ? t.getMinX() : t.getMaxX(), t.getCenterY());
                javafx.scene.shape.CubicCurve curve = curve(a, b, fromTop ? 0 : fromLeft ? -1 : 1, fromTop ? -1 : 0);
                curve.getStyleClass().addAll("wire", "wire-" + nic.kind());
                String id = new WireId(vm.vmId(), nic.index()).id();
                curve.setId(id.replace(':', '-'));
                curve.setUserData(id);
                curve.setOnMouseClicked(e -> {
                    pick.accept(id, e);
                    e.consume();
                });
                curve.setCursor(Cursor.HAND);
                wireNodes.put(id, curve);
                lines.add(curve);
            }
        }
        getChildren().setAll(lines);
        applyCss(); // drawn after this pulse's CSS pass: style them now, not a frame late
        mark(selection);
        afterDraw.run();
    }

    void setAfterDraw(Runnable afterDraw) {
        this.afterDraw = afterDraw;
    }

    /** Draws again after the next layout pass. */
    void markDirty() {
        dirty = true;
    }

    /** Where a host's uplink leaves its card: near its right edge, clear of the wires inside. */
    private static double uplinkX(Bounds hostCard) {
        return hostCard.getMaxX() - 40;
    }

    /**
     * Where the packet marker sits for a hop on the canvas, or null when that element is not built (off screen,
     * or not drawn yet): a NIC's port, a network bar, the top of a host's uplink, a point of a distributed
     * switch's uplink near its host, the LAN bar where the frame leaves it, the WAN's middle or a machine's top.
     */
    Point2D anchor(TracePlace place) {
        switch (place.where()) {
            case NIC: {
                VmCard vm = vmCard(place.element());
                int nic = Integer.parseInt(place.detail());
                return vm == null || nic >= vm.ports().size() ? null : centre(vm.ports().get(nic));
            }
            case NETWORK: {
                Node bar = targets.get(place.element());
                return bar == null ? null : centre(bar);
            }
            case HOST: {
                HostCard host = hostCards.get(place.element());
                if (host == null) {
                    return null;
                }
                Bounds h = host.getBoundsInParent();
                return new Point2D(physical == null ? h.getCenterX() : physical.barTop(uplinkX(h)).getX(), h.getMaxY());
            }
            case DVS_UPLINK: {
                javafx.scene.shape.Line up = dvsUplinks.get(place.element() + "/" + place.detail());
                if (up == null) {
                    return null;
                }
                // A quarter of the way from the host: host1's proxy and host2's are told apart.
                return new Point2D(up.getEndX() + (up.getStartX() - up.getEndX()) * 0.25,
                        up.getEndY() + (up.getStartY() - up.getEndY()) * 0.25);
            }
            case LAN: {
                if (physical == null) {
                    return null;
                }
                HostCard host = hostCards.get(place.detail());
                double x = host != null ? uplinkX(host.getBoundsInParent()) : physical.stubX(place.detail());
                return physical.barAt(Double.isNaN(x) ? physical.barBounds().getCenterX() : x);
            }
            case WAN:
                return physical == null ? null : physical.wanMiddle();
            default:
                return physical == null ? null : physical.machineTop(place.element());
        }
    }

    /** The elements lit while the packet is at {@code place}: the device and the wire or segment it is on. */
    List<Node> lit(TracePlace place) {
        List<Node> out = new ArrayList<>();
        switch (place.where()) {
            case NIC: {
                VmCard vm = vmCard(place.element());
                if (vm != null) {
                    out.add(vm);
                }
                Node wire = wireNodes.get(place.wireId());
                if (wire != null) {
                    out.add(wire);
                }
                break;
            }
            case NETWORK:
                add(out, targets.get(place.element()));
                break;
            case HOST:
                add(out, hostCards.get(place.element()));
                add(out, hostUplinks.get(place.element()));
                break;
            case DVS_UPLINK:
                switchCards.stream().filter(s -> s.switchId().equals(place.element())).forEach(out::add);
                add(out, dvsUplinks.get(place.element() + "/" + place.detail()));
                break;
            case LAN:
                if (physical != null) {
                    out.add(physical.bar());
                }
                add(out, hostUplinks.get(place.detail()));
                break;
            case WAN:
                if (physical != null) {
                    out.addAll(List.of(physical.wanNodes()));
                }
                break;
            default:
                if (physical != null) {
                    add(out, physical.machine(place.element()));
                }
        }
        return out;
    }

    private static void add(List<Node> out, Node node) {
        if (node != null) {
            out.add(node);
        }
    }

    private VmCard vmCard(String vmId) {
        for (VmCard vm : vmCards) {
            if (vm.vmId().equals(vmId)) {
                return vm;
            }
        }
        return null;
    }

    /** The centre of a node in canvas coordinates, or null if it is not in the scene. */
    private Point2D centre(Node node) {
        if (node.getScene() == null) {
            return null;
        }
        Bounds b = cards.sceneToLocal(node.localToScene(node.getLayoutBounds()));
        return new Point2D(b.getCenterX(), b.getCenterY());
    }

    /**
     * A curve that leaves {@code a} to the right and arrives at {@code b} from the direction (dx, dy) (e.g.
     * (0, −1): from above).
     */
    private static javafx.scene.shape.CubicCurve curve(Point2D a, Point2D b, double dx, double dy) {
        double reach = Math.max(40, Math.hypot(b.getX() - a.getX(), b.getY() - a.getY()) / 3);
        javafx.scene.shape.CubicCurve c = new javafx.scene.shape.CubicCurve();
        c.setStartX(a.getX());
        c.setStartY(a.getY());
        c.setControlX1(a.getX() + EXIT_REACH); // out of the port a little, then towards the target
        c.setControlY1(a.getY());
        c.setControlX2(b.getX() + dx * reach);
        c.setControlY2(b.getY() + dy * reach);
        c.setEndX(b.getX());
        c.setEndY(b.getY());
        c.setFill(null);
        return c;
    }

    /**
     * Dragging from a NIC port draws a wire to the pointer; each network or port group it passes says whether
     * the NIC may plug in there (and why not); letting go on one that takes it plugs the NIC in (the last
     * port adds a NIC).
     */
    void dragFrom(VmCard vm, javafx.scene.shape.Circle port) {
        int nic = (Integer) port.getProperties().get(VmCard.NIC);
        Node[] over = {null};
        port.setCursor(Cursor.CROSSHAIR);
        port.setOnMousePressed(e -> {
            Point2D a = centre(port);
            draft.setStartX(a.getX());
            draft.setStartY(a.getY());
            e.consume();
        });
        port.setOnMouseDragged(e -> {
            e.consume();
            Point2D a = new Point2D(draft.getStartX(), draft.getStartY());
            Point2D b = cards.sceneToLocal(e.getSceneX(), e.getSceneY());
            javafx.scene.shape.CubicCurve c = curve(a, b, 0, -1);
            draft.setControlX1(c.getControlX1());
            draft.setControlY1(c.getControlY1());
            draft.setControlX2(c.getControlX2());
            draft.setControlY2(c.getControlY2());
            draft.setEndX(b.getX());
            draft.setEndY(b.getY());
            draft.setStrokeWidth(2.5);
            draft.setVisible(true);
            Node target = wireTargetAt(e);
            if (target != over[0]) {
                markTarget(over[0], false, false);
                over[0] = target;
            }
            if (target == null) {
                say.accept(i18n.get("topology.note"));
                return;
            }
            TopologyViewModel.MoveCheck check = viewModel.checkWire(vm.vmId(), nic,
                    (String) target.getProperties().get(TopologyView.WIRE_TARGET));
            markTarget(target, check.allowed(), !check.allowed());
            say.accept(check.message());
        });
        port.setOnMouseReleased(e -> {
            e.consume();
            draft.setVisible(false);
            markTarget(over[0], false, false);
            if (over[0] != null) {
                say.accept(viewModel.wire(vm.vmId(), nic, (String) over[0].getProperties().get(TopologyView.WIRE_TARGET)).message());
            }
            over[0] = null;
        });
        port.setOnMouseClicked(e -> {
            if (e.isStillSincePress() && nic < vm.item().nics().size()) {
                pick.accept(new WireId(vm.vmId(), nic).id(), e);
            }
            e.consume();
        });
    }

    /** The network chip or port group row under the pointer of a drag, if any. */
    private Node wireTargetAt(MouseEvent e) {
        for (Node target : targets.values()) {
            Point2D p = target.sceneToLocal(e.getSceneX(), e.getSceneY());
            if (p != null && target.contains(p)) {
                return target;
            }
        }
        return null;
    }

    private static void markTarget(Node node, boolean ok, boolean refused) {
        if (node != null) {
            node.pseudoClassStateChanged(TopologyView.DROP_TARGET, ok);
            node.pseudoClassStateChanged(TopologyView.DROP_REFUSED, refused);
        }
    }
}
