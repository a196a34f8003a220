package org.virtlab.ui.memory;

import java.util.function.Function;
import java.util.function.Predicate;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.virtlab.engine.memory.PageSize;
import org.virtlab.engine.memory.PagingExit;
import org.virtlab.ui.common.TextCell;
import org.virtlab.ui.common.ViewParts;
import org.virtlab.ui.common.ChartMenus;
import org.virtlab.ui.i18n.I18n;

/**
 * The Memory tab: the tables and address chosen on top with the step controls; the page walk of that address
 * native, through shadow tables and nested, side by side, lighting one memory reference per step; the TLB
 * experiment below them at its natural height (the walks take the rest, and scroll if they must). Builds and binds; the state is {@link MemoryViewModel}'s. Play runs a timeline that calls
 * {@link MemoryViewModel#tick()} every {@link #FRAME}.
 */
public final class MemoryView {
    /** How long each reference stays the newest while playing: slow enough to follow on a projector. */
    public static final Duration FRAME = Duration.millis(400);

    /** The height the walks keep at least: a column title and four levels of a grid. */
    static final double WALKS_MIN_HEIGHT = 230;
    private final BorderPane root = new BorderPane();
    private final ScrollPane outer = new ScrollPane(root);
    private final Timeline player;

    public MemoryView(MemoryViewModel vm, I18n i18n, ChartMenus menus) {
        root.getStylesheets().add(MemoryView.class.getResource("memory.css").toExternalForm());
        root.getStyleClass().add("memory-view");

        ComboBox<Integer> guestLevels = choice("memoryGuestLevels", MemoryViewModel.LEVELS, vm::levelsLabel,
                vm.guestLevelsProperty(), vm::chooseGuestLevels);
        ComboBox<PageSize> guestPage = choice("memoryGuestPage", MemoryViewModel.PAGE_SIZES, vm::pageLabel,
                vm.guestPageProperty(), vm::chooseGuestPage);
        ComboBox<Integer> hostLevels = choice("memoryHostLevels", MemoryViewModel.LEVELS, vm::levelsLabel,
                vm.hostLevelsProperty(), vm::chooseHostLevels);
        ComboBox<PageSize> hostPage = choice("memoryHostPage", MemoryViewModel.PAGE_SIZES, vm::pageLabel,
                vm.hostPageProperty(), vm::chooseHostPage);
        TextField address = new TextField();
        address.setId("memoryAddress");
        address.setPrefColumnCount(16);
        address.getStyleClass().add("memory-address");
        address.textProperty().bindBidirectional(vm.addressTextProperty());
        address.setOnAction(e -> vm.commitAddress()); // Enter: the address walked becomes a walk of the run
        address.focusedProperty().addListener((obs, was, now) -> {
            // leaving the field for another control commits too; not the window losing focus or being replaced
            if (!now && address.getScene() != null && address.getScene().getWindow() != null
                    && address.getScene().getWindow().isFocused()) {
                vm.commitAddress();
            }
        });
        FlowPane choices = new FlowPane(16, 6,
                labelled(i18n, "memory.guestTables", new HBox(4, guestLevels, guestPage)),
                labelled(i18n, "memory.hostTables", new HBox(4, hostLevels, hostPage)));
        choices.setAlignment(Pos.CENTER_LEFT);

        Button back = ViewParts.button("memoryStepBack", "mdi2s-skip-previous", i18n.get("memory.stepBack"),
                i18n.get("memory.stepBack.help"), vm::stepBack);
        back.disableProperty().bind(vm.canStepBackBinding().not());
        Button step = ViewParts.button("memoryStep", "mdi2s-skip-next", i18n.get("memory.step"), i18n.get("memory.step.help"),
                vm::stepForward);
        step.disableProperty().bind(vm.canStepForwardBinding().not());
        Button play = ViewParts.button("memoryPlay", "mdi2p-play", i18n.get("memory.play"), i18n.get("memory.play.help"),
                vm::togglePlay);
        vm.playingProperty().addListener((obs, was, now) -> {
            ((FontIcon) play.getGraphic()).setIconLiteral(now ? "mdi2p-pause" : "mdi2p-play");
            play.setText(i18n.get(now ? "memory.pause" : "memory.play"));
        });
        Button reset = ViewParts.button("memoryReset", "mdi2r-restart", i18n.get("memory.reset"), i18n.get("memory.reset.help"),
                vm::reset);
        Button cr3 = ViewParts.button("memoryCr3Write", "mdi2s-swap-horizontal", i18n.get("memory.cr3Write"),
                i18n.get("memory.cr3Write.help"), () -> vm.guestWrites(PagingExit.CR3_WRITE));
        Button pte = ViewParts.button("memoryPteWrite", "mdi2p-pencil", i18n.get("memory.pteWrite"),
                i18n.get("memory.pteWrite.help"), () -> vm.guestWrites(PagingExit.PAGE_TABLE_WRITE));
        HBox buttons = new HBox(6, back, step, play, reset);
        HBox writes = new HBox(6, cr3, pte);
        FlowPane transport = new FlowPane(16, 6, labelled(i18n, "memory.address", address), buttons, writes);
        transport.setAlignment(Pos.CENTER_LEFT);

        Label addresses = new Label();
        addresses.setId("memoryAddresses");
        addresses.getStyleClass().add("memory-addresses");
        addresses.textProperty().bind(vm.addressesProperty());
        addresses.setWrapText(true);
        addresses.setMinHeight(Region.USE_PREF_SIZE);

        VBox top = new VBox(4, choices, ViewParts.errorLine(vm.choiceErrorProperty(), "memoryChoiceError"),
                ViewParts.errorLine(vm.addressErrorProperty(), "memoryAddressError"), transport, addresses);
        top.setPadding(new Insets(6, 8, 4, 8));
        top.getStyleClass().add("memory-controls");

        HBox walks = new HBox(14);
        walks.setId("memoryWalks");
        for (WalkColumnViewModel column : vm.columns()) {
            VBox c = new WalkColumnView(column, i18n).root();
            boolean nested = column.id().equals("nested");
            c.setMinWidth(nested ? 300 : 150);
            c.setPrefWidth(nested ? 340 : 200);
            c.setMaxWidth(nested ? Double.MAX_VALUE : 240);
            HBox.setHgrow(c, nested ? Priority.ALWAYS : Priority.NEVER);
            walks.getChildren().add(c);
        }
        menus.canvas(walks, () -> i18n.get("export.name.walks"));
        Label current = new Label();
        current.setId("memoryCurrent");
        current.getStyleClass().add("memory-current");
        current.textProperty().bind(vm.currentBinding());
        current.setWrapText(true);
        current.setMinHeight(Region.USE_PREF_SIZE);
        VBox walkArea = new VBox(4, walks, current);
        VBox.setVgrow(walks, Priority.ALWAYS);
        walkArea.setPadding(new Insets(4, 8, 4, 8));
        ScrollPane walkScroll = scroll(walkArea);
        VBox tlb = new TlbPanelView(vm.tlb(), i18n).root();
        tlb.setMinHeight(Region.USE_PREF_SIZE);

        // The walks keep room for a few levels; when the controls and the TLB panel leave less (presenter mode on a
        // 1280 × 720 projector), the whole view scrolls instead of squeezing the walks to nothing.
        walkScroll.setMinHeight(WALKS_MIN_HEIGHT);
        root.setTop(top);
        root.setCenter(walkScroll);
        root.setBottom(tlb);
        root.setId("memoryView");
        outer.setFitToWidth(true);
        outer.setFitToHeight(true);
        outer.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        outer.getStyleClass().add("memory-scroll");

        player = ViewParts.player(FRAME, vm::tick, vm.playingProperty());
    }

    public Parent root() {
        return outer;
    }

    /** Stops the animation; call before the view is thrown away. */
    public void dispose() {
        player.stop();
    }

    /**
     * A combo box that shows {@code chosen} and asks {@code choose} when the user picks; a refused pick snaps
     * back to what is still chosen (the reason shows in the error line).
     */
    private static <T> ComboBox<T> choice(String id, java.util.List<T> items, Function<T, String> label,
                                          ReadOnlyObjectProperty<T> chosen, Predicate<T> choose) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(items);
        box.setCellFactory(list -> new TextCell<>(label));
        box.setButtonCell(new TextCell<>(label));
        box.setValue(chosen.get());
        chosen.addListener((obs, was, now) -> box.setValue(now));
        box.setOnAction(e -> {
            T picked = box.getValue();
            if (picked != null && !picked.equals(chosen.get()) && !choose.test(picked)) {
                box.setValue(chosen.get());
            }
        });
        return box;
    }


    private static ScrollPane scroll(Region content) {
        ScrollPane pane = new ScrollPane(content);
        pane.setFitToWidth(true);
        pane.setFitToHeight(true);
        pane.getStyleClass().add("memory-scroll");
        return pane;
    }

    /** A label from the bundle with its help ({@code key + ".help"}) as tooltip; it never shrinks. */
    static Label label(I18n i18n, String key) {
        Label l = new Label(i18n.get(key));
        l.setTooltip(new Tooltip(i18n.get(key + ".help")));
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.getStyleClass().add("memory-label");
        return l;
    }

    /** The label, then the control it names. */
    static HBox labelled(I18n i18n, String key, Node control) {
        Label l = label(i18n, key);
        l.setLabelFor(control);
        HBox box = new HBox(6, l, control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

}
