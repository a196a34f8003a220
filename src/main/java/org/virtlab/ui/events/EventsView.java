package org.virtlab.ui.events;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.virtlab.engine.EventKind;
import org.virtlab.engine.SimEvent;

/**
 * The Events panel: Back and Forward, the filters (kinds grouped by topic, VMs and hosts) and the count above a
 * table of the run's events, newest last, that follows the newest while the simulation plays. Builds and binds;
 * the state is in {@link EventsViewModel}.
 */
public final class EventsView {
    private final VBox root = new VBox(4);
    private final TableView<SimEvent> table = new TableView<>();
    private boolean syncing;

    /** @param playing whether the simulation is playing: the table then keeps the newest event in view */
    public EventsView(EventsViewModel viewModel, ObservableBooleanValue playing) {
        EventTexts texts = viewModel.texts();
        root.setId("eventsPanel");
        root.setAccessibleText(texts.get("events.title"));
        root.setPadding(new Insets(4, 6, 4, 6));

        Button back = button("eventsBack", "mdi2s-skip-previous", texts.get("events.back"),
                texts.get("events.back.tip"), viewModel::back);
        Button forward = button("eventsForward", "mdi2s-skip-next", texts.get("events.forward"),
                texts.get("events.forward.tip"), viewModel::forward);
        MenuButton kinds = new MenuButton(texts.get("events.filter.kinds"));
        kinds.setId("eventsKinds");
        for (EventTopic topic : EventTopic.values()) {
            if (!kinds.getItems().isEmpty()) {
                kinds.getItems().add(new SeparatorMenuItem());
            }
            CheckBox all = new CheckBox(texts.topic(topic));
            all.setId("eventsTopic-" + topic.name());
            all.setStyle("-fx-font-weight: bold;");
            all.setSelected(true);
            all.setOnAction(e -> viewModel.setTopicShown(topic, all.isSelected()));
            kinds.getItems().add(stay(all));
            for (EventKind k : topic.kinds()) {
                CheckBox box = new CheckBox(texts.kind(k));
                box.setId("eventsKind-" + k.name());
                box.setPadding(new Insets(0, 0, 0, 18));
                box.selectedProperty().bindBidirectional(viewModel.kindShownProperty(k));
                box.selectedProperty().addListener((obs, was, now) ->
                        all.setSelected(topic.kinds().stream().anyMatch(x -> viewModel.kindShownProperty(x).get())));
                kinds.getItems().add(stay(box));
            }
        }
        MenuButton owners = new MenuButton(texts.get("events.filter.sources"));
        owners.setId("eventsOwners");
        viewModel.owners().addListener((ListChangeListener<String>) c -> {
            owners.getItems().clear();
            for (String owner : viewModel.owners()) {
                CheckBox box = new CheckBox(owner.isEmpty() ? "—" : texts.name(owner));
                box.setId("eventsOwner-" + owner);
                box.selectedProperty().bindBidirectional(viewModel.ownerShownProperty(owner));
                owners.getItems().add(stay(box));
            }
        });
        Button showAll = new Button(texts.get("events.filter.all"));
        showAll.setId("eventsShowAll");
        showAll.setFocusTraversable(false);
        showAll.setOnAction(e -> viewModel.showAll());
        Label count = new Label();
        count.setId("eventsCount");
        count.textProperty().bind(viewModel.countTextProperty());
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        count.setWrapText(true);
        count.setMinWidth(0);
        count.setTooltip(new Tooltip(texts.get("events.tip")));
        HBox bar = new HBox(6, back, forward, kinds, owners, showAll, spacer, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        for (javafx.scene.control.Control c : List.of(back, forward, kinds, owners, showAll)) {
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the count gives way, never a button's text
        }

        table.setId("eventsTable");
        table.setItems(viewModel.shown());
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.setPlaceholder(new Label(texts.get("events.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column(texts.get("events.column.time"), 120, e -> EventTexts.time(e.atMicros())));
        table.getColumns().add(column(texts.get("events.column.source"), 160, texts::source));
        // the selected event stays clearly marked when the focus is elsewhere (Back and Forward are buttons)
        table.setStyle("-fx-selection-bar-non-focused: #b9d7f5; -color-cell-bg-selected: #b9d7f5;"
                + " -color-cell-bg-selected-focused: #b9d7f5;");
        table.getColumns().add(column(texts.get("events.column.kind"), 160, e -> texts.kind(e.kind())));
        table.getColumns().add(column(texts.get("events.column.description"), 520, texts::describe));
        table.getSelectionModel().selectedIndexProperty().addListener((obs, was, now) -> {
            int i = now.intValue();
            if (!syncing && i >= 0 && i != viewModel.selectedIndexProperty().get()) {
                viewModel.select(i); // a click: go to that moment (a filter change clearing the table's is not one)
            }
        });
        viewModel.selectedIndexProperty().addListener((obs, was, now) -> {
            syncing = true;
            try {
                int i = now.intValue();
                if (i < 0) {
                    table.getSelectionModel().clearSelection();
                } else {
                    table.getSelectionModel().clearAndSelect(i);
                    table.scrollTo(Math.max(0, i - 3));
                }
            } finally {
                syncing = false;
            }
        });
        viewModel.shown().addListener((ListChangeListener<SimEvent>) c -> {
            int selected = viewModel.selectedIndexProperty().get();
            if (selected >= 0 && table.getSelectionModel().getSelectedIndex() != selected) {
                syncing = true;
                table.getSelectionModel().clearAndSelect(selected);
                syncing = false;
            }
            if (playing.get() && viewModel.selectedIndexProperty().get() < 0 && !viewModel.shown().isEmpty()) {
                table.scrollTo(viewModel.shown().size() - 1);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(bar, table);
    }

    public Parent root() {
        return root;
    }

    private static CustomMenuItem stay(CheckBox box) {
        CustomMenuItem item = new CustomMenuItem(box);
        item.setHideOnClick(false);
        return item;
    }

    private static Button button(String id, String icon, String text, String tip, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static TableColumn<SimEvent, String> column(String title, double width, Function<SimEvent, String> text) {
        TableColumn<SimEvent, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 120));
        c.setSortable(false);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(text.apply(d.getValue())));
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null ? null : new Tooltip(item)); // the whole text where it is cut
            }
        });
        return c;
    }
}
