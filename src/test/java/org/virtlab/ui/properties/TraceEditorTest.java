package org.virtlab.ui.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.cpu.SetWorkload;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.cpu.Workload.Trace.Point;
import org.virtlab.engine.model.Scenario;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.common.Selection;
import org.virtlab.ui.i18n.I18n;
import org.virtlab.ui.properties.WorkloadEditorModel.Kind;

/**
 * A trace comes only from a scenario file: the editor shows it in words and can replace it with another
 * kind, or give the same trace back, but not make one. The default lesson with db replaying
 * scenarios/traces/web.csv (12 samples every 500 ms, 10 % to 90 %, looping every 6 s).
 */
class TraceEditorTest {
    private static final double[] WEB = {10, 12, 15, 40, 85, 90, 70, 45, 30, 20, 15, 10};
    private static final Workload.Trace WEB_TRACE = webTrace();

    private final RecordingEditor editor = new RecordingEditor(withDbWorkload(WEB_TRACE));

    private static Workload.Trace webTrace() {
        List<Point> points = new ArrayList<>();
        for (int k = 0; k < WEB.length; k++) {
            points.add(new Point(500L * k, WEB[k]));
        }
        return new Workload.Trace(points, true, "traces/web.csv");
    }

    private static Scenario withDbWorkload(Workload w) {
        Scenario s = Lessons.defaultLesson().scenario();
        return s.withVm(s.vm("db").orElseThrow().withWorkload(w));
    }

    private WorkloadEditorModel model(Locale locale) {
        return new WorkloadEditorModel(new I18n(locale), editor, editor.scenario().vm("db").orElseThrow());
    }

    @Test
    void aTraceIsShownInWordsWithoutFields() {
        WorkloadEditorModel db = model(Locale.ENGLISH);
        assertEquals(Kind.TRACE, db.kindProperty().get());
        assertEquals(List.of(), db.fields().get());
        assertEquals("Trace: 12 points, loops, from traces/web.csv", db.traceSummary());
        assertEquals("轨迹：12 个点，循环播放，来自 traces/web.csv", model(Locale.SIMPLIFIED_CHINESE).traceSummary());
        assertEquals(List.of(Kind.values()), db.kinds());
    }

    @Test
    void inlinePointsThatHoldAreDescribedSo() {
        Workload.Trace inline = new Workload.Trace(List.of(new Point(0, 5), new Point(100, 50)), false);
        assertEquals("Trace: 2 points, then holds its last value",
                WorkloadEditorModel.describeTrace(new I18n(Locale.ENGLISH), inline));
    }

    @Test
    void theTooltipSaysTracesCannotBeMadeHere() {
        assertTrue(new I18n(Locale.ENGLISH).get("workload.trace.help").contains("cannot be made or changed here"));
    }

    @Test
    void aVmWithoutATraceIsNotOfferedOne() {
        WorkloadEditorModel web = new WorkloadEditorModel(new I18n(Locale.ENGLISH), editor,
                editor.scenario().vm("web").orElseThrow());
        assertEquals(WorkloadEditorModel.MADE_HERE, web.kinds());
        assertEquals("", web.traceSummary());
    }

    @Test
    void choosingAnotherKindReplacesTheTraceFromItsLowestAndHighestPoints() {
        WorkloadEditorModel db = model(Locale.ENGLISH);
        db.kindProperty().set(Kind.PERIODIC);
        // web.csv: lowest 10 %, highest 90 %; one round 5500 + 500 = 6000 ms (Workload.Trace#periodMillis)
        assertEquals(List.of(new SetWorkload("db", new Workload.Periodic(10, 90, 6_000))), editor.inputs);
        assertEquals(new Workload.Periodic(10, 90, 6_000), editor.scenario().vm("db").orElseThrow().workload());
    }

    @Test
    void choosingTraceAgainGivesBackTheSameTrace() {
        WorkloadEditorModel db = model(Locale.ENGLISH);
        db.kindProperty().set(Kind.CONSTANT);
        assertEquals(new Workload.Constant(90), editor.scenario().vm("db").orElseThrow().workload());
        db.kindProperty().set(Kind.TRACE);
        assertEquals(WEB_TRACE, editor.scenario().vm("db").orElseThrow().workload());
        assertEquals(new SetWorkload("db", WEB_TRACE), editor.inputs.get(editor.inputs.size() - 1));
    }

    @Test
    void noWorkloadConvertsIntoATrace() {
        assertThrows(IllegalArgumentException.class, () -> WorkloadEditorModel.convert(new Workload.Constant(5),
                Kind.TRACE));
    }

    @Test
    void thePropertyRowDescribesTheTrace() {
        Selection selection = new Selection();
        PropertiesViewModel panel = new PropertiesViewModel(new I18n(Locale.ENGLISH), selection, editor);
        panel.reset(editor.scenario());
        selection.select("db");
        assertEquals("Trace: 12 points, loops, from traces/web.csv", panel.rows().stream()
                .filter(r -> r.name().equals("Workload")).findFirst().orElseThrow().value());
    }
}
