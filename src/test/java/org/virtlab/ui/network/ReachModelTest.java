package org.virtlab.ui.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.net.NetTopology;
import org.virtlab.engine.net.Protocol;
import org.virtlab.engine.net.Reachability;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.i18n.I18n;

/**
 * The heat map is worked out off the FX thread: a "computing" state while it runs, the newest request winning, the
 * same matrix as worked out in place. Plain JUnit: the two threads are queues the test runs by hand.
 */
class ReachModelTest {
    private final I18n i18n = new I18n(Locale.ENGLISH);

    /** An executor that only queues: the test decides when its tasks run. */
    private static final class Queue implements Executor {
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        }
    }

    private static Scenario lesson() throws Exception {
        return Lessons.load("network-models").scenario();
    }

    @Test
    void computesOffTheCallingThreadAndAppliesOnTheOther() throws Exception {
        Scenario s = lesson();
        NetTopology t = NetTopology.of(s);
        NetTexts texts = new NetTexts(i18n, s, t);
        Queue worker = new Queue();
        Queue fx = new Queue();
        ReachModel model = new ReachModel(i18n, worker, fx);

        model.recompute(t, texts, Protocol.ICMP, 0);
        assertTrue(model.computingProperty().get(), "computing until the result is applied");
        assertEquals(ReachModel.Matrix.EMPTY, model.matrixProperty().get(), "nothing worked out on the caller");
        assertEquals(1, worker.tasks.size());
        worker.runAll();
        assertEquals(ReachModel.Matrix.EMPTY, model.matrixProperty().get(), "the result waits for the FX thread");
        fx.runAll();
        assertFalse(model.computingProperty().get());
        // The same matrix as worked out in place, cell by cell, and as the engine's Reachability has it.
        ReachModel.Matrix m = model.matrixProperty().get();
        assertEquals(new ReachModel(i18n, Runnable::run, Runnable::run).compute(t, texts, Protocol.ICMP, 0), m);
        Reachability r = Reachability.of(t, 0, Protocol.ICMP, 0);
        assertEquals(r.endpoints(), m.ids());
        for (int i = 0; i < r.endpoints().size(); i++) {
            for (int j = 0; j < r.endpoints().size(); j++) {
                assertEquals(r.cells().get(i).get(j).delivered(),
                        m.cells().get(i).get(j).outcome() == ReachModel.Outcome.DELIVERED);
            }
        }
    }

    @Test
    void aNewerRequestSupersedesAnOlderOne() throws Exception {
        Scenario s = lesson();
        NetTopology t = NetTopology.of(s);
        NetTexts texts = new NetTexts(i18n, s, t);
        Queue worker = new Queue();
        Queue fx = new Queue();
        ReachModel model = new ReachModel(i18n, worker, fx);

        // Queued, not started, when the protocol changes: it never runs.
        model.recompute(t, texts, Protocol.ICMP, 0);
        model.recompute(t, texts, Protocol.TCP, 22);
        worker.tasks.poll().run();
        assertTrue(fx.tasks.isEmpty(), "the superseded request did no work");
        worker.runAll();
        fx.runAll();
        assertEquals("Reachability with TCP SYN 22: from the row to the column, on a network that has seen no traffic",
                model.matrixProperty().get().title());
        assertFalse(model.computingProperty().get());

        // Already worked out when a newer request comes: its result is dropped, the newer one's shows.
        model.recompute(t, texts, Protocol.ICMP, 0);
        worker.runAll();
        model.recompute(t, texts, Protocol.UDP, 53);
        fx.runAll();
        assertTrue(model.computingProperty().get(), "still computing the newer one");
        assertTrue(model.matrixProperty().get().title().contains("TCP SYN 22"), "the older result was not applied");
        worker.runAll();
        fx.runAll();
        assertTrue(model.matrixProperty().get().title().contains("UDP 53"), model.matrixProperty().get().title());
        assertFalse(model.computingProperty().get());

        // Nothing to compute (no network): empty at once, and a late result of an earlier request does not land.
        model.recompute(t, texts, Protocol.ICMP, 0);
        worker.runAll();
        model.recompute(null, texts, Protocol.ICMP, 0);
        fx.runAll();
        assertEquals(ReachModel.Matrix.EMPTY, model.matrixProperty().get());
        assertFalse(model.computingProperty().get());
    }

    @Test
    void aRealWorkerThreadHandsTheResultBack() throws Exception {
        Scenario s = lesson();
        NetTopology t = NetTopology.of(s);
        LinkedBlockingQueue<Runnable> applied = new LinkedBlockingQueue<>();
        // A thread of its own does the work; the result is handed to a queue this test drains as the FX thread would.
        ReachModel model = new ReachModel(i18n, ownWorker(), applied::add);
        model.recompute(t, new NetTexts(i18n, s, t), Protocol.ICMP, 0);
        assertTrue(model.computingProperty().get());
        Runnable apply = applied.poll(30, TimeUnit.SECONDS);
        assertTrue(apply != null, "the worker finished");
        apply.run();
        assertFalse(model.computingProperty().get());
        // NetTopology.endpoints() of the lesson: 2 hosts, 9 plugged-in NICs, lan-pc, internet
        assertEquals(13, model.matrixProperty().get().ids().size());
    }

    private static Executor ownWorker() {
        return task -> {
            Thread t = new Thread(task, "reach-test");
            t.setDaemon(true);
            t.start();
        };
    }
}
