package org.virtlab.ui.network;

import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.virtlab.engine.net.Protocol;
import org.virtlab.ui.common.ChartMenus;
import org.virtlab.ui.common.TextCell;
import org.virtlab.ui.common.ViewParts;
import org.virtlab.ui.i18n.I18n;

/**
 * The Network tab: the sender (from, to, protocol, port, Send) with the step controls on top; below, the path
 * and its hop table, the device tables and the reachability heat map as sub-tabs. Builds and binds; the state is
 * {@link NetworkViewModel}'s. Play runs a timeline that calls {@link NetworkViewModel#tick()} every
 * {@link #FRAME}.
 */
public final class NetworkView {
    /** How long the packet stays at each hop while playing: slow enough to follow on a projector. */
    public static final Duration FRAME = Duration.millis(700);

    private final BorderPane root = new BorderPane();
    private final TabPane parts = new TabPane();
    private final Timeline player;

    /**
     * @param menus installs Copy image and Save as PNG on the path diagram and the reachability heat map
     */
    public NetworkView(NetworkViewModel vm, I18n i18n, ChartMenus menus) {
        root.getStylesheets().add(NetworkView.class.getResource("network.css").toExternalForm());
        root.getStyleClass().add("network-view");
        root.setId("networkView");

        ComboBox<String> from = endpoints(vm, "networkFrom");
        from.valueProperty().bindBidirectional(vm.fromProperty());
        ComboBox<String> to = endpoints(vm, "networkTo");
        to.valueProperty().bindBidirectional(vm.toProperty());
        ComboBox<Protocol> protocol = new ComboBox<>();
        protocol.setId("networkProtocol");
        protocol.getItems().setAll(Protocol.values());
        protocol.setCellFactory(list -> new TextCell<>(vm::protocolLabel));
        protocol.setButtonCell(new TextCell<>(vm::protocolLabel));
        protocol.valueProperty().bindBidirectional(vm.protocolProperty());
        TextField port = new TextField();
        port.setId("networkPort");
        port.setPrefColumnCount(4);
        port.textProperty().bindBidirectional(vm.portTextProperty());
        port.disableProperty().bind(vm.portDisabledBinding());
        vm.portErrorBinding().addListener((obs, was, now) -> port.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("invalid"), !now.isEmpty()));
        Button send = ViewParts.button("networkSend", "mdi2s-send", i18n.get("network.send"), i18n.get("network.send.help"),
                vm::send);
        send.disableProperty().bind(vm.canSendBinding().not());
        send.getStyleClass().add("accent");
        send.setDefaultButton(false);

        Button back = ViewParts.button("networkStepBack", "mdi2s-skip-previous", i18n.get("network.stepBack"),
                i18n.get("network.stepBack.help"), vm::stepBack);
        back.disableProperty().bind(vm.canStepBackBinding().not());
        Button step = ViewParts.button("networkStep", "mdi2s-skip-next", i18n.get("network.step"), i18n.get("network.step.help"),
                vm::stepForward);
        step.disableProperty().bind(vm.canStepForwardBinding().not());
        Button play = ViewParts.button("networkPlay", "mdi2p-play", i18n.get("network.play"), i18n.get("network.play.help"),
                vm::togglePlay);
        play.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.hops()));
        vm.playingProperty().addListener((obs, was, now) -> {
            ((FontIcon) play.getGraphic()).setIconLiteral(now ? "mdi2p-pause" : "mdi2p-play");
            play.setText(i18n.get(now ? "network.pause" : "network.play"));
        });
        Button reset = ViewParts.button("networkReset", "mdi2r-restart", i18n.get("network.reset"), i18n.get("network.reset.help"),
                vm::rewind);
        reset.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.hops()));

        FlowPane ends = new FlowPane(16, 6, labelled(i18n, "network.from", from), labelled(i18n, "network.to", to));
        ends.setAlignment(Pos.CENTER_LEFT);
        FlowPane how = new FlowPane(12, 6, labelled(i18n, "network.protocol", protocol),
                labelled(i18n, "network.port", port), send, new HBox(4, back, step, play, reset));
        how.setAlignment(Pos.CENTER_LEFT);
        Label traced = new Label();
        traced.setId("networkTraced");
        traced.getStyleClass().add("net-traced");
        traced.textProperty().bind(vm.tracedProperty());
        traced.visibleProperty().bind(traced.textProperty().isNotEmpty());
        traced.managedProperty().bind(traced.visibleProperty());
        VBox top = new VBox(4, ends, how, ViewParts.errorLine(vm.portErrorBinding(), "networkPortError"),
                ViewParts.errorLine(vm.topologyErrorProperty(), "networkTopologyError"),
                ViewParts.errorLine(vm.unwiredProperty(), "networkUnwired"), traced);
        top.setPadding(new Insets(6, 8, 4, 8));
        top.getStyleClass().add("net-controls");

        Label current = new Label();
        current.setId("networkCurrent");
        current.getStyleClass().add("net-current");
        current.textProperty().bind(vm.currentBinding());
        current.setWrapText(true);
        current.setMinHeight(Region.USE_PREF_SIZE);
        VBox table = new HopTable(vm, i18n).root();
        // The diagram is compact and scrolls sideways; the hop table below takes all the height that is left.
        PathDiagram pathDiagram = new PathDiagram(vm, i18n);
        menus.canvas(pathDiagram.picture(), () -> i18n.get("network.path"));
        VBox diagram = new VBox(4, pathDiagram.root(), current);
        diagram.setMinHeight(Region.USE_PREF_SIZE);
        VBox path = new VBox(4, diagram, table);
        VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
        path.setPadding(new Insets(6, 8, 4, 8));
        Node pathScroll = path;

        ReachView reach = new ReachView(vm, i18n);
        menus.canvas(reach.picture(), () -> i18n.get("network.reach"));
        parts.setId("networkParts");
        parts.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        parts.getTabs().addAll(part("networkPathTab", i18n.get("network.path"), pathScroll),
                part("networkTablesTab", i18n.get("network.tables"), new DeviceTablesView(vm.tables(), i18n).root()),
                part("networkReachTab", i18n.get("network.reach"), reach.root()));

        root.setTop(top);
        root.setCenter(parts);

        player = ViewParts.player(FRAME, vm::tick, vm.playingProperty());
    }

    public Parent root() {
        return root;
    }

    /** The path, the device tables and the heat map, as sub-tabs (0, 1, 2). */
    public TabPane parts() {
        return parts;
    }

    /** Stops the animation; call before the view is thrown away. */
    public void dispose() {
        player.stop();
    }

    private static Tab part(String id, String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        return tab;
    }

    private static ComboBox<String> endpoints(NetworkViewModel vm, String id) {
        ComboBox<String> box = new ComboBox<>(vm.endpoints());
        box.setId(id);
        box.setCellFactory(list -> new TextCell<>(vm::endpointLabel));
        box.setButtonCell(new TextCell<>(vm::endpointLabel));
        box.setVisibleRowCount(14);
        box.setPrefWidth(270);
        return box;
    }


    private static HBox labelled(I18n i18n, String key, Node control) {
        Label l = new Label(i18n.get(key));
        l.setTooltip(new Tooltip(i18n.get(key + ".help")));
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.getStyleClass().add("net-label");
        l.setLabelFor(control);
        HBox box = new HBox(6, l, control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }


}
