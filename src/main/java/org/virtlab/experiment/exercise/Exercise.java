package org.virtlab.experiment.exercise;

import java.util.List;
import java.util.Optional;
import org.virtlab.engine.cpu.CpuDerivation;
import org.virtlab.engine.model.Scenario;

/**
 * One generated question with the engine's answer.
 *
 * @param topic      what it is about
 * @param kind       which kind of question of the topic ({@code cpu.split}, …)
 * @param seed       the seed it was generated from: the same seed gives the same exercise
 * @param question   the question's text, as data
 * @param answer     the engine's answer
 * @param answerText the answer as a sentence
 * @param worked     the worked answer, step by step, from what the engine reported
 * @param derivation the CPU allocation's own derivation, where the engine produced one (rendered after
 *                   {@code worked}); null otherwise
 * @param scenario   the generated scenario to run in the window; null when the question is about a
 *                   mechanism the window shows without one (a single page walk, a ring's indices)
 */
public record Exercise(Topic topic, String kind, long seed, Line question, Answer answer, Line answerText,
                       List<Line> worked, CpuDerivation derivation, Scenario scenario) {
    public Exercise {
        worked = List.copyOf(worked);
    }

    public Optional<Scenario> runnable() {
        return Optional.ofNullable(scenario);
    }
}
