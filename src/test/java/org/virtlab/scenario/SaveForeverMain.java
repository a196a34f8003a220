package org.virtlab.scenario;

import java.nio.file.Path;
import org.virtlab.engine.model.LocalizedText;
import org.virtlab.engine.model.Scenario;

/**
 * For {@link KillDuringSaveTest}, run in a child JVM: saves two versions of a lesson to the same file, one
 * after the other, the second version first, until it is killed. {@code SaveForeverMain LESSON TARGET};
 * prints {@code saving} once it starts the first save. A save takes some 25 ms once warm, the first about 120.
 */
public final class SaveForeverMain {

    private SaveForeverMain() {
    }

    /** The two versions: the lesson with a long goal (megabytes, so that a save takes a while), and seeds 1, 2. */
    static Scenario[] versions(Path lesson) throws ScenarioException {
        Scenario s = ScenarioReader.read(lesson);
        return new Scenario[] {withGoal(s, 1, "A", 1_500_000), withGoal(s, 2, "Bb", 1_200_000)};
    }

    private static Scenario withGoal(Scenario s, long seed, String unit, int repeats) {
        LocalizedText goal = LocalizedText.of(s.goal().en() + " " + unit.repeat(repeats), s.goal().zh());
        return s.withGoal(goal).withSeed(seed);
    }

    public static void main(String[] args) throws Exception {
        Scenario[] versions = versions(Path.of(args[0]));
        Path target = Path.of(args[1]);
        System.out.println("saving");
        System.out.flush();
        for (long i = 1; ; i++) { // the new version first: the target holds the old one
            ScenarioWriter.write(versions[(int) (i % 2)], target);
        }
    }
}
