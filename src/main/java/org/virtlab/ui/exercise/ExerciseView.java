package org.virtlab.ui.exercise;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Callback;
import org.virtlab.experiment.exercise.Topic;
import org.virtlab.ui.common.ViewParts;
import org.virtlab.ui.i18n.I18n;

/**
 * The Exercise window: topic and New question on top, the question, the answer field with Check, the verdict,
 * the worked answer on request, and Run it. Builds and binds; the state is in {@link ExerciseViewModel}.
 */
public final class ExerciseView {
    private final ExerciseViewModel viewModel;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();

    public ExerciseView(ExerciseViewModel viewModel, I18n i18n) {
        this.viewModel = viewModel;
        this.i18n = i18n;
        root.setId("exerciseRoot");
        root.setPadding(new Insets(14));

        ComboBox<Topic> topic = new ComboBox<>();
        topic.setId("exerciseTopic");
        topic.getItems().setAll(viewModel.topics());
        Callback<javafx.scene.control.ListView<Topic>, ListCell<Topic>> cells = v -> new ListCell<>() {
            @Override
            protected void updateItem(Topic item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : viewModel.topicName(item));
            }
        };
        topic.setCellFactory(cells);
        topic.setButtonCell(cells.call(null));
        topic.valueProperty().bindBidirectional(viewModel.topicProperty());
        Button next = ViewParts.button("exerciseNew", "mdi2r-refresh", i18n.get("exercise.new"),
                i18n.get("exercise.new.help"), viewModel::newQuestion);
        Label seed = new Label();
        seed.setId("exerciseSeed");
        seed.textProperty().bind(Bindings.createStringBinding(() -> i18n.format("exercise.seed",
                Long.toString(viewModel.seedProperty().get())), viewModel.seedProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(10, new Label(i18n.get("exercise.topic")), topic, next, spacer, seed);
        top.setAlignment(Pos.CENTER_LEFT);

        Label question = new Label();
        question.setId("exerciseQuestion");
        question.setWrapText(true);
        question.setStyle("-fx-font-size: 1.25em;");
        question.setMinHeight(Region.USE_PREF_SIZE);
        question.textProperty().bind(viewModel.questionProperty());
        Label hint = new Label();
        hint.setId("exerciseHint");
        hint.setWrapText(true);
        hint.setStyle("-fx-opacity: 0.75; -fx-font-size: 1.05em;");
        hint.textProperty().bind(viewModel.hintProperty());

        TextField answer = new TextField();
        answer.setId("exerciseAnswer");
        answer.setPromptText(i18n.get("exercise.answer.prompt"));
        answer.textProperty().bindBidirectional(viewModel.answerProperty());
        HBox.setHgrow(answer, Priority.ALWAYS);
        Button check = ViewParts.button("exerciseCheck", "mdi2c-check", i18n.get("exercise.check"),
                i18n.get("exercise.check.help"), viewModel::check);
        check.disableProperty().bind(viewModel.canCheckProperty().not());
        answer.setOnAction(e -> {
            if (!check.isDisabled()) {
                viewModel.check();
            }
        });
        HBox answerRow = new HBox(8, new Label(i18n.get("exercise.answer")), answer, check);
        answerRow.setAlignment(Pos.CENTER_LEFT);
        Label error = ViewParts.errorLine(viewModel.answerErrorProperty(), "exerciseAnswerError");
        Label verdict = new Label();
        verdict.setId("exerciseVerdict");
        verdict.setWrapText(true);
        verdict.textProperty().bind(viewModel.verdictProperty());
        verdict.styleProperty().bind(Bindings.when(viewModel.rightProperty())
                .then("-fx-text-fill: #1b7f3b; -fx-font-weight: bold;")
                .otherwise("-fx-text-fill: #b3261e; -fx-font-weight: bold;"));
        verdict.visibleProperty().bind(verdict.textProperty().isNotEmpty());
        verdict.managedProperty().bind(verdict.visibleProperty());

        Button show = ViewParts.button("exerciseShowWorked", "mdi2l-lightbulb-on-outline",
                i18n.get("exercise.showWorked"), i18n.get("exercise.showWorked.help"), viewModel::showWorked);
        Button run = ViewParts.button("exerciseRun", "mdi2p-play-circle-outline", i18n.get("exercise.run"),
                i18n.get("exercise.run.help"), viewModel::runIt);
        run.disableProperty().bind(Bindings.createBooleanBinding(() -> !viewModel.canRun(),
                viewModel.exerciseProperty()));
        HBox actions = new HBox(8, show, run);

        Label worked = new Label();
        worked.setId("exerciseWorked");
        worked.setWrapText(true);
        worked.setStyle("-fx-font-size: 1.1em; -fx-line-spacing: 3px;");
        worked.textProperty().bind(viewModel.workedProperty());
        worked.setMinHeight(Region.USE_PREF_SIZE);
        VBox workedBox = new VBox(worked);
        workedBox.setPadding(new Insets(4, 8, 4, 0));
        ScrollPane scroll = new ScrollPane(workedBox);
        scroll.setFitToWidth(true);
        scroll.visibleProperty().bind(worked.textProperty().isNotEmpty());
        VBox.setVgrow(scroll, Priority.ALWAYS);

        VBox center = new VBox(10, question, hint, answerRow, error, verdict, actions, scroll);
        center.setPadding(new Insets(14, 0, 0, 0));
        root.setTop(top);
        root.setCenter(center);
    }

    public BorderPane root() {
        return root;
    }

    /** Opens the window beside {@code owner}, with its style sheets. */
    public Stage show(Window owner) {
        return ViewParts.window(owner, i18n.get("exercise.title"), root, 960, 640, null);
    }
}
