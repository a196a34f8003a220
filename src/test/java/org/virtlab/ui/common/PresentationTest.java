package org.virtlab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The presenter switch, its scale (100–200 %, issue #10) and the theme, without a screen. */
class PresentationTest {
    @Test
    void presenterModeIsOneSwitchThatScalesByTheChosenScale() {
        Presentation p = new Presentation();
        assertEquals(Presentation.Look.DEFAULT, p.look());
        p.setScalePercent(175);
        assertEquals(1.0, p.look().scale(), "the scale waits until presenter mode is on");
        p.togglePresenter();
        assertEquals(1.75, p.look().scale());
        assertTrue(p.look().highContrast());
        p.togglePresenter();
        assertEquals(Presentation.Look.DEFAULT, p.look(), "one action back restores the normal look");
    }

    @Test
    void scalesOutside100To200PercentAreRefusedAndLeaveTheScale() {
        Presentation p = new Presentation();
        p.setScalePercent(200);
        p.setScalePercent(100);
        // the range: 100–200 %
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.setScalePercent(99));
        assertTrue(e.getMessage().contains("100–200"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> p.setScalePercent(201));
        assertEquals(100, p.scalePercentProperty().get());
        assertFalse(Presentation.isValidScale(0));
    }

    @Test
    void themeChangesTheLookAndNeverBecomesNull() {
        Presentation p = new Presentation();
        p.themeProperty().set(Presentation.Theme.DARK);
        assertTrue(p.look().dark());
        p.themeProperty().set(null);
        assertEquals(Presentation.Theme.DARK, p.themeProperty().get());
    }

    @Test
    void onlyTheAskedPropertiesAreScaled() {
        String css = ".card-title { -fx-font-size: 12px; }\n.wire { -fx-stroke-width: 2; }";
        String lines = PresentationStyler.scaledRules(css, 2, java.util.Set.of("-fx-stroke-width"));
        // computed by hand: 2 × 2 = 4
        assertEquals(".presenter .wire {\n    -fx-stroke-width: 4.0px;\n}\n", lines);
    }

    @Test
    void pxScalesSizesByTheLooksScale() {
        // computed by hand: 12 px at 150 % is 18 px
        assertEquals(18.0, new Presentation.Look(1.5, false, true).px(12), 1e-9);
    }

    @Test
    void presenterSheetScalesTheAppsSizesUnderAMoreSpecificSelector() {
        String css = "/* c */ .vm-title, .root .x { -fx-font-size: 12px; -fx-text-fill: red; }\n"
                + ".wire { -fx-stroke-width: 2; }\n.plain { -fx-padding: 4; }\n.root { -fx-font-size: 14px; }";
        String out = PresentationStyler.presenterCss(css, 1.5);
        // computed by hand: 14 px × 1.5 = 21 px, 12 × 1.5 = 18, 2 × 1.5 = 3
        assertTrue(out.contains(".root.presenter {\n    -fx-font-size: 21.0px;"), out);
        assertTrue(out.contains(".presenter .vm-title, .root.presenter .x {\n    -fx-font-size: 18.0px;\n}"), out);
        assertTrue(out.contains(".presenter .wire {\n    -fx-stroke-width: 3.0px;\n}"), out);
        assertFalse(out.contains("plain"), out);
        // tables take the charts' half of the scale: 14 px × 1.25 = 17.5 px
        assertTrue(out.contains(".presenter .table-view {\n    -fx-font-size: 17.5px;"), out);
        assertFalse(out.contains("red"), out);
    }
}
