package org.virtlab.ui.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.model.Scenario;
import org.virtlab.experiment.exercise.Answer;
import org.virtlab.experiment.exercise.Exercise;
import org.virtlab.experiment.exercise.Topic;
import org.virtlab.ui.i18n.I18n;

/** The Exercise window's state without a toolkit: refusal where typed, Check, worked answer, Run it. */
class ExerciseViewModelTest {
    private final List<Scenario> opened = new ArrayList<>();
    private final ExerciseViewModel vm = new ExerciseViewModel(new I18n(Locale.ENGLISH), Topic.CPU, 42, opened::add);

    private Answer.Numbers numbers() {
        return (Answer.Numbers) vm.exerciseProperty().get().answer();
    }

    @Test
    void textThatIsNotAnAnswerIsRefusedWhereTyped() {
        vm.answerProperty().set("about four");
        assertTrue(vm.answerErrorProperty().get().startsWith("\"about four\" is not an answer here."),
                vm.answerErrorProperty().get());
        assertFalse(vm.canCheckProperty().get());
        vm.answerProperty().set("1, 2"); // three VMs, two numbers
        assertFalse(vm.canCheckProperty().get());
        vm.answerProperty().set("1, 2, 3");
        assertEquals("", vm.answerErrorProperty().get());
        assertTrue(vm.canCheckProperty().get());
    }

    @Test
    void wrongThenRightWithinTheStatedTolerance() {
        Answer.Numbers a = numbers();
        List<String> off = new ArrayList<>();
        for (double v : a.values()) {
            off.add(Double.toString(v + 0.2)); // 0.2 GHz off: outside ±0.05 GHz (CpuExercises.TOLERANCE_GHZ)
        }
        vm.answerProperty().set(String.join(", ", off));
        vm.check();
        assertFalse(vm.rightProperty().get());
        assertEquals("Wrong (an answer counts as right within ±0.05 GHz of the engine's value).", vm.verdictProperty().get());
        List<String> near = new ArrayList<>();
        for (double v : a.values()) {
            near.add(Double.toString(v + 0.04)); // inside the tolerance
        }
        vm.answerProperty().set(String.join("，", near)); // a full-width comma, as a Chinese keyboard types it
        vm.check();
        assertTrue(vm.rightProperty().get());
        assertEquals("Right.", vm.verdictProperty().get());
    }

    @Test
    void workedAnswerAndRunItOnTheTopicsTab() {
        assertEquals("", vm.workedProperty().get());
        vm.showWorked();
        assertTrue(vm.workedProperty().get().contains("\n1. "), vm.workedProperty().get());
        assertTrue(vm.canRun());
        vm.runIt();
        assertEquals(1, opened.size());
        assertEquals("cpu", opened.get(0).view().tab());
        Exercise e = vm.exerciseProperty().get();
        assertEquals(e.scenario().vms(), opened.get(0).vms());
    }

    @Test
    void newQuestionAndTopicChangeClearTheAnswer() {
        long first = vm.seedProperty().get();
        vm.answerProperty().set("1, 2, 3");
        vm.newQuestion();
        assertNotEquals(first, vm.seedProperty().get());
        assertEquals("", vm.answerProperty().get());
        vm.topicProperty().set(Topic.IO);
        assertEquals(Topic.IO, vm.exerciseProperty().get().topic());
    }

    @Test
    void theLessonsTabChoosesTheTopic() {
        Scenario s = vm.exerciseProperty().get().scenario();
        assertEquals(Topic.NETWORK, ExerciseViewModel.topicOf(s.withView(new org.virtlab.engine.model.ViewState("network", 1))));
        assertEquals(Topic.CPU, ExerciseViewModel.topicOf(s.withView(new org.virtlab.engine.model.ViewState("topology", 1))));
        // the tab the window shows wins over the one the lesson was saved on, unless it is the topology
        assertEquals(Topic.IO, ExerciseViewModel.topicOf("io", s.withView(new org.virtlab.engine.model.ViewState("memory", 1))));
        assertEquals(Topic.MEMORY,
                ExerciseViewModel.topicOf("topology", s.withView(new org.virtlab.engine.model.ViewState("memory", 1))));
    }
}
