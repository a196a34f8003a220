package org.virtlab.ui.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.cpu.SetWorkload;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.i18n.I18n;
import org.virtlab.ui.properties.WorkloadEditorModel.Kind;

/**
 * A wrong workload value is refused where it is typed, with the range of its {@link Workload} record; a
 * right one reaches the engine. The default lesson (scenarios/default.json) has web = Bursty 90 / 10 %,
 * 800 / 1200 ms; db = Constant 70 %; batch = Periodic 10–100 %, 20 000 ms.
 */
class WorkloadEditorModelTest {
    private final RecordingEditor editor = new RecordingEditor(Lessons.defaultLesson().scenario());

    private WorkloadEditorModel model(String vmId) {
        return new WorkloadEditorModel(new I18n(Locale.ENGLISH), editor, editor.scenario().vm(vmId).orElseThrow());
    }

    private Workload workloadOf(String vmId) {
        return editor.scenario().vm(vmId).orElseThrow().workload();
    }

    @Test
    void startsFromTheVmsWorkload() {
        WorkloadEditorModel web = model("web");
        assertEquals(Kind.BURSTY, web.kindProperty().get());
        assertEquals("90", web.onPercent().textProperty().get());
        assertEquals("10", web.offPercent().textProperty().get());
        assertEquals("800", web.meanOnMillis().textProperty().get());
        assertEquals("1200", web.meanOffMillis().textProperty().get());
        assertEquals(List.of(web.onPercent(), web.offPercent(), web.meanOnMillis(), web.meanOffMillis()),
                web.fields().get());
        WorkloadEditorModel db = model("db");
        assertEquals(Kind.CONSTANT, db.kindProperty().get());
        assertEquals("70", db.percent().textProperty().get());
        assertEquals(List.of(db.percent()), db.fields().get());
    }

    @Test
    void aPercentAboveHundredIsRefusedWithTheRange() {
        WorkloadEditorModel db = model("db");
        db.percent().textProperty().set("120");
        assertFalse(db.commit());
        // Workload.Constant: percent 0–100
        assertEquals("Allowed: 0–100; was 120", db.percent().errorProperty().get());
        assertTrue(editor.inputs.isEmpty());
        assertEquals(new Workload.Constant(70), workloadOf("db"));
    }

    @Test
    void textWhereANumberBelongsIsRefused() {
        WorkloadEditorModel db = model("db");
        for (String wrong : List.of("lots", "", "NaN", "Infinity", "1e2", "70%")) {
            db.percent().textProperty().set(wrong);
            assertFalse(db.commit(), wrong);
            assertEquals("Enter a number, 0–100; was \"" + wrong + "\"", db.percent().errorProperty().get());
        }
        assertTrue(editor.inputs.isEmpty());
    }

    @Test
    void eachWrongBurstFieldShowsItsOwnRange() {
        WorkloadEditorModel web = model("web");
        web.onPercent().textProperty().set("-1");
        web.offPercent().textProperty().set("100.5");
        web.meanOnMillis().textProperty().set("0");
        web.meanOffMillis().textProperty().set("3600001");
        assertFalse(web.commit());
        // Workload.Bursty: onPercent, offPercent 0–100; meanOnMillis, meanOffMillis 1–3600000
        assertEquals("Allowed: 0–100; was -1", web.onPercent().errorProperty().get());
        assertEquals("Allowed: 0–100; was 100.5", web.offPercent().errorProperty().get());
        assertEquals("Allowed: 1–3600000; was 0", web.meanOnMillis().errorProperty().get());
        assertEquals("Allowed: 1–3600000; was 3600001", web.meanOffMillis().errorProperty().get());
        assertTrue(editor.inputs.isEmpty());
    }

    @Test
    void millisecondsMustBeWhole() {
        WorkloadEditorModel web = model("web");
        web.meanOnMillis().textProperty().set("12.5");
        assertFalse(web.commit());
        assertEquals("Enter a whole number, 1–3600000; was \"12.5\"", web.meanOnMillis().errorProperty().get());
        assertEquals("", web.onPercent().errorProperty().get());
        assertTrue(editor.inputs.isEmpty());
    }

    @Test
    void aPeriodicMinimumAboveItsMaximumIsRefused() {
        WorkloadEditorModel batch = model("batch");
        batch.minPercent().textProperty().set("60");
        batch.maxPercent().textProperty().set("50");
        batch.periodMillis().textProperty().set("86400001");
        assertFalse(batch.commit());
        // Workload.Periodic: maxPercent in [minPercent, 100]; periodMillis 1–86400000
        assertEquals("Allowed: 60–100; was 50", batch.maxPercent().errorProperty().get());
        assertEquals("", batch.minPercent().errorProperty().get());
        assertEquals("Allowed: 1–86400000; was 86400001", batch.periodMillis().errorProperty().get());
        assertTrue(editor.inputs.isEmpty());
    }

    @Test
    void aRampOutOfRangeIsRefused() {
        WorkloadEditorModel db = model("db");
        db.kindProperty().set(Kind.RAMP); // applies Ramp 10 → 70 % over 30 s
        editor.inputs.clear();
        db.toPercent().textProperty().set("101");
        db.durationMillis().textProperty().set("0");
        assertFalse(db.commit());
        // Workload.Ramp: toPercent 0–100; durationMillis 1–86400000
        assertEquals("Allowed: 0–100; was 101", db.toPercent().errorProperty().get());
        assertEquals("Allowed: 1–86400000; was 0", db.durationMillis().errorProperty().get());
        assertTrue(editor.inputs.isEmpty());
    }

    @Test
    void aValidEditReachesTheEngineAndTheScenario() {
        WorkloadEditorModel db = model("db");
        db.percent().textProperty().set(" 85.5 ");
        assertTrue(db.commit());
        Workload expected = new Workload.Constant(85.5);
        assertEquals(List.of(new SetWorkload("db", expected)), editor.inputs);
        assertEquals(expected, workloadOf("db"));
        assertEquals(new Workload.Bursty(90, 10, 800, 1_200), workloadOf("web")); // the others untouched
        assertEquals("", db.percent().errorProperty().get());
    }

    @Test
    void aValidPeriodicEditSendsOneInput() {
        WorkloadEditorModel batch = model("batch");
        batch.minPercent().textProperty().set("30");
        batch.maxPercent().textProperty().set("30"); // min = max is a flat wave, allowed by Workload.Periodic
        batch.periodMillis().textProperty().set("5000");
        assertTrue(batch.commit());
        assertEquals(List.of(new SetWorkload("batch", new Workload.Periodic(30, 30, 5_000))), editor.inputs);
    }

    @Test
    void committingUnchangedValuesSendsNothing() {
        WorkloadEditorModel db = model("db");
        assertTrue(db.commit());
        db.percent().textProperty().set("70.0"); // the same number, typed differently
        assertTrue(db.commit());
        assertTrue(editor.inputs.isEmpty());
    }

    @Test
    void choosingAnotherKindFillsItFromTheCurrentValuesAndApplies() {
        WorkloadEditorModel db = model("db");
        db.kindProperty().set(Kind.BURSTY);
        // Constant 70 → bursts at 70 %, quiet at 10 %, 800 / 1200 ms as the default lesson's web server
        Workload expected = new Workload.Bursty(70, 10, 800, 1_200);
        assertEquals(List.of(new SetWorkload("db", expected)), editor.inputs);
        assertEquals(expected, workloadOf("db"));
        assertEquals("70", db.onPercent().textProperty().get());
        assertEquals("10", db.offPercent().textProperty().get());
        assertEquals("800", db.meanOnMillis().textProperty().get());
        assertEquals("1200", db.meanOffMillis().textProperty().get());
        assertEquals(4, db.fields().get().size());
    }

    @Test
    void choosingAKindKeepsThePeriodAsTheRampsDuration() {
        WorkloadEditorModel batch = model("batch");
        batch.kindProperty().set(Kind.RAMP);
        assertEquals(List.of(new SetWorkload("batch", new Workload.Ramp(10, 100, 20_000))), editor.inputs);
    }

    @Test
    void choosingAKindAfterAWrongValueStartsFromTheAppliedWorkload() {
        WorkloadEditorModel db = model("db");
        db.percent().textProperty().set("abc");
        assertFalse(db.commit());
        db.kindProperty().set(Kind.PERIODIC);
        // from Constant 70 as applied: 10–70 % every 20 s (the default lesson's batch period)
        assertEquals(List.of(new SetWorkload("db", new Workload.Periodic(10, 70, 20_000))), editor.inputs);
        assertEquals("", db.percent().errorProperty().get());
    }

    @Test
    void everyConversionGivesAValidWorkloadOfTheChosenKind() {
        List<Workload> from = List.of(new Workload.Idle(0), new Workload.Idle(5), new Workload.Constant(0),
                new Workload.Constant(100), new Workload.Bursty(5, 95, 1, 3_600_000),
                new Workload.Periodic(0, 0, 86_400_000), new Workload.Ramp(100, 0, 1));
        for (Workload w : from) {
            for (Kind k : WorkloadEditorModel.MADE_HERE) {
                Workload converted = WorkloadEditorModel.convert(w, k); // the records' constructors check ranges
                assertEquals(k, WorkloadEditorModel.kindOf(converted), w + " → " + k);
            }
        }
        // an idle guest turned busy: the default lesson's database level; the course's idle VM: under 5 %
        assertEquals(new Workload.Constant(70), WorkloadEditorModel.convert(new Workload.Idle(3), Kind.CONSTANT));
        assertEquals(new Workload.Idle(5), WorkloadEditorModel.convert(new Workload.Constant(70), Kind.IDLE));
    }

    @Test
    void itStaysForItsVmWhileItShowsItsWorkload() {
        WorkloadEditorModel db = model("db");
        db.percent().textProperty().set("40");
        db.commit();
        assertTrue(db.isFor(editor.scenario().vm("db").orElseThrow()));
        assertFalse(db.isFor(editor.scenario().vm("web").orElseThrow()));
    }
}
