package org.virtlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** {@code virtlab exercise}: a numbered problem set, its answers on request, one-line refusals with exit 2. */
class ExerciseCommandTest {
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(Locale locale, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return new VirtLabCommand().commandLine(locale, new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
    }

    @Test
    void printsNumberedQuestionsWithoutAnswers() {
        assertEquals(0, run(Locale.ENGLISH, "exercise", "--topic", "cpu", "--seed", "7", "--count", "3"), err.toString());
        String text = out.toString();
        assertTrue(text.startsWith("VirtLab exercises: CPU, seed 7"), text);
        assertTrue(text.contains("\n1. A host of ") && text.contains("\n2. ") && text.contains("\n3. "), text);
        assertFalse(text.contains("\n4. "), text);
        assertFalse(text.contains("Answers and worked steps"), text);
    }

    @Test
    void answersFollowTheQuestionsWithWorkedSteps() {
        assertEquals(0, run(Locale.ENGLISH, "exercise", "--topic", "io", "--seed", "3", "--count", "3", "--answers"));
        String text = out.toString();
        int answers = text.indexOf("Answers and worked steps");
        assertTrue(answers > text.indexOf("\n3. "), text);
        assertTrue(text.substring(answers).contains("\n   a) "), text);
    }

    @Test
    void sameSeedPrintsTheSameSetAndChineseOnRequest() {
        run(Locale.ENGLISH, "exercise", "--topic", "network", "--seed", "11", "--answers");
        String first = out.toString();
        run(Locale.ENGLISH, "exercise", "--topic", "network", "--seed", "11", "--answers");
        assertEquals(first, out.toString());
        assertEquals(0, run(Locale.ENGLISH, "exercise", "--topic", "memory", "--seed", "5", "--lang", "zh", "--answers"));
        assertTrue(out.toString().startsWith("VirtLab 练习：内存，种子 5"), out.toString());
        assertTrue(out.toString().contains("答案和解题步骤"), out.toString());
    }

    @Test
    void aNetworkSetTakesItsFiveKindsInTurn() {
        // Exercises.problemSet: question i is of kind i mod 5 of the network's reach, nat, routed, forward, vlan
        assertEquals(0, run(Locale.ENGLISH, "exercise", "--topic", "network", "--seed", "4", "--count", "5"));
        String text = out.toString();
        int forward = text.indexOf("\n4. ");
        int vlan = text.indexOf("\n5. ");
        assertTrue(text.substring(forward, vlan).contains("forwards") && text.substring(forward, vlan).contains("DNAT"),
                text);
        assertTrue(text.substring(vlan).contains("A distributed switch DSwitch spans host1 and host2"), text);
        assertEquals(0, run(Locale.ENGLISH, "exercise", "--topic", "network", "--seed", "4", "--count", "5", "--lang",
                "zh"));
        assertTrue(out.toString().contains("分布式交换机 DSwitch 跨越 host1 和 host2"), out.toString());
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        assertEquals(2, run(Locale.ENGLISH, "exercise", "--topic", "disk", "--seed", "1"));
        assertEquals("unknown topic \"disk\": expected cpu, memory, io or network", err.toString().strip());
        assertEquals(2, run(Locale.ENGLISH, "exercise", "--topic", "cpu", "--seed", "1", "--count", "-1"));
        assertEquals("--count must be 1–100, was -1", err.toString().strip());
        assertEquals(2, run(Locale.ENGLISH, "exercise", "--topic", "cpu", "--seed", "1", "--lang", "fr"));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertEquals("", out.toString());
    }
}
