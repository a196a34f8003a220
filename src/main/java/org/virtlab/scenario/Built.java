package org.virtlab.scenario;

import java.util.function.Supplier;

/** How to build one record once the document checked out, and where in the document it came from. */
record Built<T>(String pointer, Supplier<T> recipe) {

    /**
     * Builds the record. The reader's checks mirror the constructors, so this should not fail; if a
     * constructor still refuses (a rule the checks missed), that becomes a problem at the object, never an
     * exception.
     */
    T build(Problems problems) {
        try {
            return recipe.get();
        } catch (RuntimeException e) {
            problems.add(pointer, "model.refused", String.valueOf(e.getMessage()));
            return null;
        }
    }
}
