package org.virtlab.ui.shell;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.virtlab.ui.i18n.I18n;
import org.virtlab.ui.sim.Speed;
import org.virtlab.ui.common.TextCell;

/** Play/pause, step, reset, the speed and the simulated clock. */
final class MainToolBar {
    private final ToolBar bar = new ToolBar();

    MainToolBar(ShellViewModel vm) {
        I18n i18n = vm.i18n();
        Button play = button("playButton", "mdi2p-play", i18n.get("toolbar.play"), vm::togglePlay);
        vm.playingProperty().addListener((obs, was, now) -> {
            ((FontIcon) play.getGraphic()).setIconLiteral(now ? "mdi2p-pause" : "mdi2p-play");
            play.getTooltip().setText(i18n.get(now ? "toolbar.pause" : "toolbar.play"));
        });
        Button step = button("stepButton", "mdi2s-skip-next", i18n.get("toolbar.step"), vm::step);
        Button reset = button("resetButton", "mdi2r-restart", i18n.get("toolbar.reset"), vm::reset);

        ComboBox<Speed> speed = new ComboBox<>();
        speed.setId("speedBox");
        speed.getItems().setAll(Speed.values());
        speed.valueProperty().bindBidirectional(vm.speedProperty());
        speed.setCellFactory(list -> new TextCell<>(s -> s.label(i18n)));
        speed.setButtonCell(new TextCell<>(s -> s.label(i18n)));
        speed.setTooltip(new Tooltip(i18n.get("toolbar.speed")));
        speed.setFocusTraversable(false);
        speed.setPrefWidth(190);

        Label clockIcon = new Label(null, new FontIcon("mdi2c-clock-outline"));
        Label time = new Label();
        time.setId("simTime");
        time.getStyleClass().add("sim-time");
        time.textProperty().bind(vm.timeTextProperty());
        time.setTooltip(new Tooltip(i18n.get("toolbar.time")));
        javafx.scene.control.ToggleButton events = new javafx.scene.control.ToggleButton(null,
                new FontIcon("mdi2f-format-list-bulleted"));
        ((FontIcon) events.getGraphic()).setIconSize(20);
        events.setId("eventsToggle");
        events.setTooltip(new Tooltip(i18n.get("menu.view.events")));
        events.setFocusTraversable(false);
        events.selectedProperty().bindBidirectional(vm.eventsShownProperty());
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        bar.getItems().addAll(play, step, reset, new Separator(), new Label(i18n.get("toolbar.speed")), speed,
                new Separator(), events, spacer, clockIcon, time);
    }

    ToolBar bar() {
        return bar;
    }

    private static Button button(String id, String icon, String tip, Runnable action) {
        FontIcon glyph = new FontIcon(icon);
        glyph.setIconSize(20);
        Button b = new Button(null, glyph);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false); // Space belongs to play/pause, not to the focused button
        b.setOnAction(e -> action.run());
        return b;
    }
}
