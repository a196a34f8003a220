package org.virtlab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.skin.ComboBoxListViewSkin;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.model.CpuTopology;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.scenario.Lessons;

/**
 * Writes {@code target/screenshots/props-*.png}: the property panel scrolled to the editors that change
 * the machines (issue #4), in English and Chinese, some with a refused value showing its message. The
 * gallery a person looks at to judge that nothing is clipped in the panel's width.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PropertyEditorsGalleryTest {
    private final FxRobot robot = new FxRobot();
    private VirtLabApp app;
    private Stage stage;
    private Path dir;

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void writesTheEditorsOfVmsAndHosts(String lang) throws Exception {
        String suffix = open(lang);

        // cpu-pinning: one vCPU on 4 logical CPUs, the grid beside the list; a CPU the host lacks, refused
        load("cpu-pinning");
        selectVm("pinned-2");
        type("#pinningCpus0", "0-4");
        shot("#pinningEditor", "props-pinning" + suffix);
        shot("#sizeName", "props-vm-name-size" + suffix);

        // cpu-hyperthreading: two threads of one core, the numbering told under the heading
        load("cpu-hyperthreading");
        selectVm("ht-vm");
        shot("#pinningEditor", "props-pinning-ht" + suffix);

        // the widest grid: 8 logical CPUs (4 cores × 2 threads, a gap between cores), 4 vCPUs one CPU each
        HostSpec host = new HostSpec("ht8", "HT host", new CpuTopology(1, 4, 2, 2000), 16_384, 40, 40);
        VmSpec vm = new VmSpec("four", "Four vCPUs", "ht8", 4, 4096, new Workload.Constant(80), 60, 120);
        app.runner().load(new Scenario(null, null, 1, 1000, List.of(host), List.of(vm)));
        app.runner().runTo(1_000_000);
        assertTrue(app.runner().awaitIdle(30, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents(5);
        selectVm("four");
        robot.interact(() -> robot.lookup("#pinningOneEach").queryButton().fire());
        shot("#pinningEditor", "props-pinning-grid8" + suffix);

        // default: 8 vCPUs on 12 CPUs, lists only; one shortcut used
        load("default");
        selectVm("db");
        robot.interact(() -> robot.lookup("#pinningOneEach").queryButton().fire());
        shot("#pinningEditor", "props-pinning-8vcpus" + suffix);

        // the host: 6 cores are too few for "Database"
        selectHost("host1");
        type("#hardwareCoresPerSocket", "6");
        shot("#hostHardwareEditor", "props-host-hardware" + suffix);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void writesTheEditorsOfNetworksSwitchesPortGroupsAndNics(String lang) throws Exception {
        String suffix = open(lang);
        load("network-models");

        // the isolated network "backend" given a subnet that overlaps "default" on the same host
        select("backend", "#networkEditor");
        shot("#propertyGrid", "props-network-rows" + suffix);
        type("#networkSubnet", "192.168.0.0/16");
        shot("#networkEditor", "props-network" + suffix);
        shotList("#networkMode", "props-network-modes" + suffix);

        // the switch: host 2 unticked (its NICs on the switch named), a port group added
        select("dvs1", "#switchEditor");
        robot.interact(() -> {
            robot.lookup("#switchHost-host2").queryAs(CheckBox.class).setSelected(false);
            robot.lookup("#switchAddPortGroup").queryButton().fire();
        });
        WaitForAsyncUtils.waitForFxEvents(3);
        shot("#switchEditor", "props-switch" + suffix);

        // a port group given the other group's VLAN
        select("pg-db", "#portGroupEditor");
        type("#portGroupVlan", "10");
        shot("#portGroupEditor", "props-port-group" + suffix);

        // a VM's network adapters and its dirty rate
        select("db1", "#nicEditor");
        shot("#nicEditor", "props-nics" + suffix);
        type("#dirtyRate", "300");
        shot("#dirtyRateEditor", "props-dirty-rate" + suffix);

        // a wire; several elements; the lesson with its steps and migration settings
        select("wire:files:1", "#wireEditor");
        shot("#propertyGrid", "props-wire" + suffix);
        robot.interact(() -> app.shell().viewModel().selection().setAll(List.of("web1", "default", "dvs1", "pg-web")));
        WaitForAsyncUtils.waitForFxEvents(3);
        shot("#propertyGrid", "props-several" + suffix);
        select(null, "#migrationSettingsEditor");
        shot("#propertyGrid", "props-lesson" + suffix);
        shot("#migrationSettingsEditor", "props-migration" + suffix);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void writesTheMemoryEditors(String lang) throws Exception {
        String suffix = open(lang);

        // mem-qos's VM 3 on host 2: custom shares worked out per MiB; a reservation above its 24 GiB, refused
        load("mem-qos");
        select("vm3b", "#memQosEditor");
        type("#memQosReservation", "30000");
        shot("#memQosEditor", "props-memory-qos" + suffix);
        shotList("#memQosSharesLevel", "props-memory-shares-list" + suffix);

        // mem-page-sharing's VM 1: all its pages from the image; the dirty rate told apart from the write rate
        load("mem-page-sharing");
        select("vm1", "#memActivityEditor");
        type("#memActivityZero", "30");
        shot("#memActivityEditor", "props-memory-activity" + suffix);

        // mem-balloon-swap's host 2 (no balloon driver): soft typed above high, refused; then the lower groups
        load("mem-balloon-swap");
        select("host2", "#hostMemoryEditor");
        type("#memPolicySoft", "7");
        shot("#hostMemoryEditor", "props-host-memory" + suffix);
        shot("#memPolicySharing", "props-host-memory-sharing" + suffix);
        shot("#memPolicyBalloonRate", "props-host-memory-reclaim" + suffix);
        shotList("#memPolicySharing", "props-host-memory-sharing-list" + suffix);
    }

    /** Starts the window in {@code lang}; returns the screenshots' file name suffix ("" or "-zh"). */
    private String open(String lang) throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        app = (VirtLabApp) FxToolkit.setupApplication(VirtLabApp.class, "--lang=" + lang, "--no-recovery");
        dir = Path.of(System.getProperty("virtlab.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        return lang.equals("en") ? "" : "-" + lang;
    }

    /**
     * Opens a drop-down's list and writes it alone (it is a pop-up window of its own); it must fit the panel's
     * width.
     */
    private void shotList(String comboId, String name) throws Exception {
        ComboBox<?> combo = robot.lookup(comboId).queryAs(ComboBox.class);
        robot.interact(combo::show);
        WaitForAsyncUtils.waitForFxEvents(5);
        WritableImage[] image = new WritableImage[1];
        double[] width = new double[1];
        robot.interact(() -> {
            Node list = ((ComboBoxListViewSkin<?>) combo.getSkin()).getPopupContent();
            width[0] = list.getLayoutBounds().getWidth();
            image[0] = list.snapshot(null, null);
            combo.hide();
        });
        Path file = dir.resolve(name + ".png");
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", file.toFile());
        assertTrue(width[0] <= 300, name + ": the list is " + width[0] + " px wide, wider than the panel");
    }

    /** Selects {@code id} (nothing if null) as the topology would, and waits for {@code editor}. */
    private void select(String id, String editor) throws Exception {
        robot.interact(() -> {
            if (id == null) {
                app.shell().viewModel().selection().clear();
            } else {
                app.shell().viewModel().selection().select(id);
            }
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, FxConditions.onFx(() -> robot.lookup(editor).tryQuery().isPresent()));
    }

    private void load(String lesson) throws Exception {
        app.runner().load(Lessons.load(lesson).scenario());
        app.runner().runTo(1_000_000);
        assertTrue(app.runner().awaitIdle(30, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                FxConditions.onFx(() -> robot.lookup("#simTime").queryLabeled().getText().equals("1.000 s")));
        WaitForAsyncUtils.waitForFxEvents(5);
    }

    private void selectVm(String id) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, FxConditions.onFx(() -> robot.lookup("#vm-" + id).tryQuery()
                .map(n -> n.getScene() != null).orElse(false)));
        robot.clickOn(robot.lookup("#vm-" + id).queryAs(Node.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, FxConditions.onFx(() -> robot.lookup("#pinningEditor").tryQuery().isPresent()));
    }

    private void selectHost(String id) throws Exception {
        robot.clickOn(robot.from(robot.lookup("#host-" + id).queryAs(Node.class)).lookup(".host-title").queryAs(Node.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, FxConditions.onFx(() -> robot.lookup("#hostHardwareEditor").tryQuery().isPresent()));
    }

    /** Types into a field and presses Enter in it (which applies its form, or shows why not). */
    private void type(String field, String text) {
        TextField f = robot.lookup(field).queryAs(TextField.class);
        robot.interact(() -> {
            f.setText(text);
            f.fireEvent(new javafx.event.ActionEvent());
        });
        WaitForAsyncUtils.waitForFxEvents(3);
    }

    /**
     * Scrolls the property panel so that {@code nodeId} is at the top, then writes the window; fails if the
     * panel's content is wider than the panel (something would be cut off at its right edge).
     */
    private void shot(String nodeId, String name) throws Exception {
        double[] widths = new double[2];
        robot.interact(() -> {
            ScrollPane scroll = robot.lookup("#propertyEditors").queryAs(ScrollPane.class);
            Node node = robot.lookup(nodeId).queryAs(Node.class);
            scroll.layout();
            Node content = scroll.getContent();
            Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
            double range = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(range <= 0 ? 0 : Math.min(1, Math.max(0, (b.getMinY() - 8) / range)));
            widths[0] = content.getLayoutBounds().getWidth();
            widths[1] = scroll.getViewportBounds().getWidth();
        });
        WaitForAsyncUtils.waitForFxEvents(3);
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = stage.getScene().snapshot(null));
        Path file = dir.resolve(name + ".png");
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", file.toFile());
        assertTrue(Files.size(file) > 10_000, "screenshot " + file + " looks empty");
        assertTrue(widths[0] <= widths[1] + 0.5, name + ": the panel's content is " + widths[0]
                + " px wide, its viewport " + widths[1] + " px");
    }
}
