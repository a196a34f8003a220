package org.virtlab.scenario;

import java.util.HashMap;
import java.util.Map;

/**
 * The ids of a document being read, with where each was first seen: hosts, VMs, networks, switches, I/O devices and
 * port groups share one name space, as in the model.
 */
final class Ids {
    private final Problems problems;
    private final Map<String, String> pointers = new HashMap<>();

    Ids(Problems problems) {
        this.problems = problems;
    }

    /** Records an id; false (and a problem) if it was already taken. */
    boolean claim(String id, String pointer) {
        String first = pointers.putIfAbsent(id, pointer);
        if (first != null) {
            problems.add(pointer, "id.duplicate", id, first);
        }
        return first == null;
    }
}
