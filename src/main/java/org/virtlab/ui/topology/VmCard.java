package org.virtlab.ui.topology;

import javafx.css.PseudoClass;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.scene.control.Tooltip;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.text.Text;
import org.virtlab.charts.ChartStyle;

/**
 * One VM on a host card: its colour (the same as in every chart), name, size and workload, what it asks
 * for, a bar of what it gets against what its vCPUs could do, and what it gets in words.
 *
 * <p>A lesson may show hundreds of VMs, so a card is one region with a few text and shape nodes laid out
 * by hand, not a tree of controls: no skins, no nested layout passes.
 */
final class VmCard extends Region {
    static final double WIDTH = 220;
    static final double HEIGHT = 112;
    private static final double PAD = 10;
    private static final double BAR_HEIGHT = 10;
    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    static final PseudoClass DRAGGED = PseudoClass.getPseudoClass("dragged");
    static final PseudoClass MIGRATING = PseudoClass.getPseudoClass("migrating");

    private final TopologyViewModel.VmItem item;
    private final Rectangle swatch = new Rectangle(12, 12);
    private final Text name = new Text();
    private final Text summary = new Text();
    private final Text demand = new Text();
    private final Region bar = new Region();
    private final Region fill = new Region();
    private final Text used = new Text();
    /** While the VM migrates live: its progress as a strip along the bottom edge, and where it goes. */
    private final Region migration = new Region();
    private final Text migrationText = new Text();

    private final boolean detailed;
    /** Its NICs as ports on the right edge (filled in the colour of what they plug into), then one to add. */
    private final List<Circle> ports = new ArrayList<>();
    static final double PORT_RADIUS = 5;
    private static final double PORT_GAP = 11.5;

    /**
     * @param detailed false when the canvas is zoomed out too far to read text: the card is then its colour
     *                 and its bar only, at the same size, so nothing moves when the detail comes back
     */
    VmCard(TopologyViewModel.VmItem item, boolean detailed) {
        this.item = item;
        this.detailed = detailed;
        getStyleClass().add("vm-card");
        setId("vm-" + item.id());
        setUserData(item.id());
        java.awt.Color c = (java.awt.Color) ChartStyle.vmColour(item.colourIndex());
        swatch.setFill(Color.rgb(c.getRed(), c.getGreen(), c.getBlue()));
        name.setText(item.name());
        name.getStyleClass().add("vm-title");
        summary.setText(item.summary());
        summary.getStyleClass().add("vm-summary");
        demand.textProperty().bind(item.demandTextProperty());
        demand.getStyleClass().add("vm-demand");
        used.textProperty().bind(item.usedTextProperty());
        used.getStyleClass().add("vm-used");
        bar.getStyleClass().add("use-bar");
        fill.getStyleClass().add("use-bar-fill");
        for (Text t : new Text[] {name, summary, demand, used}) {
            t.setTextOrigin(javafx.geometry.VPos.TOP);
            t.setManaged(false);
        }
        migration.getStyleClass().add("migration-strip");
        migration.setManaged(false);
        migrationText.getStyleClass().add("migration-text");
        migrationText.setTextOrigin(javafx.geometry.VPos.TOP);
        migrationText.setManaged(false);
        migrationText.textProperty().bind(item.migrationTextProperty());
        item.migrationProgressProperty().addListener((obs, was, now) -> showMigration());
        for (TopologyViewModel.NicItem nic : item.nics()) {
            Circle port = new Circle(PORT_RADIUS);
            port.getStyleClass().add("nic-port");
            if (!nic.kind().isEmpty()) {
                port.getStyleClass().add("nic-" + nic.kind());
            }
            port.getProperties().put(NIC, nic.index());
            // Installed when first pointed at: a big lesson has hundreds of ports.
            port.setOnMouseEntered(e -> {
                if (port.getProperties().get(TIP) == null) {
                    Tooltip tip = new Tooltip(nic.tooltip());
                    Tooltip.install(port, tip);
                    port.getProperties().put(TIP, tip);
                }
            });
            ports.add(port);
        }
        if (detailed && item.nics().size() < org.virtlab.engine.model.VmSpec.MAX_NICS) {
            Circle add = new Circle(PORT_RADIUS);
            add.getStyleClass().addAll("nic-port", "nic-add");
            add.getProperties().put(NIC, item.nics().size());
            ports.add(add);
        }
        ports.forEach(p -> p.setManaged(false));
        if (detailed) {
            getChildren().addAll(swatch, name, summary, demand, bar, fill, used, migration, migrationText);
            getChildren().addAll(ports);
        } else {
            getStyleClass().add("vm-card-compact");
            swatch.setWidth(WIDTH - 2 * PAD);
            swatch.setHeight(HEIGHT - 3 * PAD - BAR_HEIGHT);
            demand.textProperty().unbind();
            used.textProperty().unbind();
            getChildren().addAll(swatch, bar, fill, migration);
            getChildren().addAll(ports);
        }
        // A new value moves the bar's end only: no layout pass for the card.
        item.demandProperty().addListener((obs, was, now) -> placeFill());
        setPrefSize(WIDTH, HEIGHT);
        setMinSize(WIDTH, HEIGHT);
        setMaxSize(WIDTH, HEIGHT);
    }

    String vmId() {
        return item.id();
    }

    TopologyViewModel.VmItem item() {
        return item;
    }

    /** The NIC ports (the last may be the one that adds a NIC); each holds its NIC number under {@link #NIC}. */
    List<Circle> ports() {
        return ports;
    }

    private static final String TIP = "virtlab.tip";

    /** The key under which a port keeps its NIC number. */
    static final String NIC = "virtlab.nic";

    private void placePorts() {
        for (int i = 0; i < ports.size(); i++) {
            ports.get(i).relocate(getWidth() - PORT_RADIUS - 7, 8 + i * PORT_GAP);
        }
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth() - 2 * PAD;
        double y = PAD;
        if (!detailed) {
            swatch.relocate(PAD, PAD);
            bar.resizeRelocate(PAD, getHeight() - PAD - BAR_HEIGHT, w, BAR_HEIGHT);
            placeFill();
            showMigration();
            placePorts();
            return;
        }
        swatch.relocate(PAD, y + 3);
        name.relocate(PAD + 18, y);
        clip(name, w - 18 - 2 * PORT_RADIUS);
        y += 22;
        summary.relocate(PAD, y);
        clip(summary, w - 2 * PORT_RADIUS);
        y += 20;
        demand.relocate(PAD, y);
        y += 20;
        bar.resizeRelocate(PAD, y, w, BAR_HEIGHT);
        placeFill();
        y += BAR_HEIGHT + 4;
        used.relocate(PAD, y);
        showMigration();
        placePorts();
    }

    /** Shows the migration strip (and, with text, where the VM goes in place of its size) while it migrates. */
    private void showMigration() {
        double p = item.migrationProgressProperty().get();
        boolean on = p >= 0;
        migration.setVisible(on);
        migrationText.setVisible(on);
        summary.setVisible(!on);
        pseudoClassStateChanged(MIGRATING, on);
        if (on) {
            migration.resizeRelocate(2, getHeight() - 7, Math.max(0, (getWidth() - 4) * Math.min(1, p)), 5);
            migrationText.relocate(summary.getLayoutX(), summary.getLayoutY());
        }
    }

    private void placeFill() {
        double f = Math.max(0, Math.min(1, item.demandProperty().get()));
        fill.resizeRelocate(bar.getLayoutX(), bar.getLayoutY(), bar.getWidth() * f, BAR_HEIGHT);
        fill.setVisible(f > 0);
    }

    /** Keeps a long text on one line inside the card, ending it with "…" (the full text is in the property panel). */
    private static void clip(Text text, double width) {
        if (text.getProperties().containsKey(FITTED) || text.getText() == null) {
            return; // done once: the card's width is fixed
        }
        text.getProperties().put(FITTED, Boolean.TRUE);
        String full = text.getText();
        if (text.getLayoutBounds().getWidth() <= width) {
            return;
        }
        int keep = full.length();
        while (keep > 1) {
            keep--;
            text.setText(full.substring(0, keep).strip() + "…");
            if (text.getLayoutBounds().getWidth() <= width) {
                break;
            }
        }
        Tooltip.install(text, new Tooltip(full));
    }

    private static final String FITTED = "virtlab.fitted";
}
