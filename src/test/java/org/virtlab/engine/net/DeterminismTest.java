package org.virtlab.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** STYLE.md: the same scenario gives the same results, byte for byte, whatever else ran before. */
class DeterminismTest {

    private static String everything(NetTopology t) {
        StringBuilder out = new StringBuilder();
        Reachability r = Reachability.of(t, 0, Protocol.TCP, 443);
        for (int i = 0; i < r.endpoints().size(); i++) {
            for (int j = 0; j < r.endpoints().size(); j++) {
                out.append(r.endpoints().get(i)).append(' ').append(r.endpoints().get(j)).append(' ')
                        .append(r.cells().get(i).get(j)).append('\n');
            }
        }
        NetState state = new NetState(t, 0);
        PacketTracer tracer = new PacketTracer(state);
        for (Endpoint a : t.endpoints()) {
            out.append(tracer.trace(a.id(), "internet", Protocol.UDP, 53)).append('\n');
        }
        for (int s = 0; s < t.switches().size(); s++) {
            out.append(t.switches().get(s).name()).append(state.macTable(s).entries(0)).append('\n');
        }
        for (int n = 0; n < t.nodes().size(); n++) {
            out.append(state.conntrack(n).entries(0)).append(state.arpCache(n)).append('\n');
        }
        return out.toString();
    }

    @Test
    void theSameScenarioGivesTheSameTracesTablesAndMatrix() {
        String first = everything(NetTopology.of(NetScenarios.fourModels()));
        everything(NetTopology.of(NetScenarios.dvs())); // something else in between
        assertEquals(first, everything(NetTopology.of(NetScenarios.fourModels())));
        assertNotEquals(first, everything(NetTopology.of(NetScenarios.dvs())));
    }
}
