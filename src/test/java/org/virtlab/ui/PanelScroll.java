package org.virtlab.ui;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/** Scrolls the property panel in a window test, as a user would with the scroll bar. Call on the FX thread. */
public final class PanelScroll {
    private PanelScroll() {
    }

    /** Scrolls the property panel so that {@code node} is near the top of its viewport (a heading's room above). */
    public static void scrollTo(Node node) {
        ScrollPane pane = (ScrollPane) node.getScene().lookup("#propertyEditors");
        Node content = pane.getContent();
        double y = content.sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
        double range = content.getBoundsInLocal().getHeight() - pane.getViewportBounds().getHeight();
        pane.setVvalue(range <= 0 ? 0 : Math.min(1, Math.max(0, (y - 30) / range)));
    }
}
