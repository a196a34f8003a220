package org.virtlab.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.testfx.util.WaitForAsyncUtils;

/** Wait conditions for window tests. */
public final class FxConditions {
    private FxConditions() {
    }

    /**
     * A wait condition that looks at the scene on the FX thread. A lookup from the test thread walks the scene
     * graph while the FX thread may be changing it (a new run rebuilds panels, a playing simulation updates
     * them every frame) and can fail with an index out of bounds inside {@code Parent.lookupAll}.
     */
    public static Callable<Boolean> onFx(Callable<Boolean> condition) {
        return () -> WaitForAsyncUtils.asyncFx(condition).get(5, TimeUnit.SECONDS);
    }
}
