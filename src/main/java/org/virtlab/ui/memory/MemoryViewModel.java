package org.virtlab.ui.memory;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.virtlab.engine.EventKind;
import org.virtlab.engine.Input;
import org.virtlab.engine.SimEvent;
import org.virtlab.engine.SimulationSnapshot;
import org.virtlab.engine.memory.MemoryReference;
import org.virtlab.engine.memory.GuestPagingWrite;
import org.virtlab.engine.memory.PageSize;
import org.virtlab.engine.memory.PagingExit;
import org.virtlab.engine.memory.PageTableConfig;
import org.virtlab.engine.memory.TranslationMode;
import org.virtlab.engine.memory.Walk;
import org.virtlab.engine.memory.WalkAddress;
import org.virtlab.engine.memory.WalkRole;
import org.virtlab.engine.memory.WalkSnapshot;
import org.virtlab.engine.memory.Walker;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.TranslationSettings;
import org.virtlab.ui.i18n.I18n;

/**
 * The Memory tab's page-walk animator: the guest's and the host's tables as chosen (levels, page size), a
 * guest-virtual address, and its cold walk native, through shadow tables and nested (EPT/NPT), computed by
 * the engine's {@link Walker}; a step position from 0 to the longest walk's references that lights the
 * references of all three in order; and the TLB experiment beside them ({@link TlbViewModel}).
 *
 * <p>Play does not own a timer: the view's animation calls {@link #tick()} once per frame period while
 * {@link #playingProperty()} is true. A choice the engine refuses is refused where it is made, with the
 * reason, and everything shown stays consistent: the walks always belong to the choices shown and the last
 * valid address.
 *
 * <p>With a submitter ({@link #setSubmitter}) the walk is part of the run: a table chosen, or an address typed and
 * committed ({@link #commitAddress()}), is handed to the simulation as a {@link WalkAddress}, which journals the
 * nested walk's references as events; {@link #update} shows the walk of the simulation's moment, so that Back and
 * Forward bring back the walk of then, and {@link #highlight} puts the step on a journaled reference. Without one the
 * walks are the tab's own, as before.
 */
public final class MemoryViewModel {
    public static final List<Integer> LEVELS = List.of(PageTableConfig.MIN_LEVELS, PageTableConfig.MAX_LEVELS);
    public static final List<PageSize> PAGE_SIZES = List.of(PageSize.values());
    /** A user-space address near the top of the lower half, where Linux puts the stack (as {@code virtlab walk}). */
    static final long DEFAULT_ADDRESS = 0x7ffd_1234_5678L;

    private final I18n i18n;
    private final WalkTexts texts;
    private final ReadOnlyObjectWrapper<Integer> guestLevels = new ReadOnlyObjectWrapper<>(4);
    private final ReadOnlyObjectWrapper<PageSize> guestPage = new ReadOnlyObjectWrapper<>(PageSize.FOUR_KIB);
    private final ReadOnlyObjectWrapper<Integer> hostLevels = new ReadOnlyObjectWrapper<>(4);
    private final ReadOnlyObjectWrapper<PageSize> hostPage = new ReadOnlyObjectWrapper<>(PageSize.FOUR_KIB);
    private final ReadOnlyStringWrapper choiceError = new ReadOnlyStringWrapper("");
    private final StringProperty addressText = new SimpleStringProperty(WalkTexts.hex(DEFAULT_ADDRESS));
    private final ReadOnlyStringWrapper addressError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper addressRange = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper addresses = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper step = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper maxStep = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper();
    private final BooleanBinding canStepBack = step.greaterThan(0);
    private final BooleanBinding canStepForward = step.lessThan(maxStep);
    private final StringBinding current;
    private final WalkColumnViewModel nativeColumn;
    private final WalkColumnViewModel shadowColumn;
    private final WalkColumnViewModel nestedColumn;
    private final TlbViewModel tlb;
    private long address = DEFAULT_ADDRESS;
    private Walk nestedWalk;
    /** Where walks asked for go (the runner's submitShown); null: the walks stay the tab's own. */
    private Consumer<? super Input> submitter;
    /** The walk the simulation has at the moment shown, and its serial. */
    private WalkAddress simulated;
    private long simulatedSerial;
    /** The walk last handed to the simulation and not yet seen in a snapshot; or null. */
    private WalkAddress asked;
    private long shownMicros;
    /** Simulated time per tick of the scenario shown: where a seek to just after an event lands. */
    private long tickMicros = 1_000;
    /** A selected WALK_REFERENCE event whose reference the step goes to once the seek to it shows; null: none. */
    private SimEvent highlighted;
    private long highlightedAtMicros;

    public MemoryViewModel(I18n i18n) {
        this.i18n = i18n;
        this.texts = new WalkTexts(i18n);
        nativeColumn = new WalkColumnViewModel(i18n, "native", step.getReadOnlyProperty());
        shadowColumn = new WalkColumnViewModel(i18n, "shadow", step.getReadOnlyProperty());
        nestedColumn = new WalkColumnViewModel(i18n, "nested", step.getReadOnlyProperty());
        tlb = new TlbViewModel(i18n);
        current = Bindings.createStringBinding(this::currentText, step, maxStep);
        addressText.addListener((obs, was, now) -> typed(now));
        Optional<String> refused = apply(4, PageSize.FOUR_KIB, 4, PageSize.FOUR_KIB, DEFAULT_ADDRESS);
        if (refused.isPresent()) {
            throw new IllegalStateException(refused.get());
        }
        step.set(maxStep.get()); // opens on the whole walk; Reset and Play animate it
    }

    // ---- choices ---------------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Integer> guestLevelsProperty() {
        return guestLevels.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PageSize> guestPageProperty() {
        return guestPage.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Integer> hostLevelsProperty() {
        return hostLevels.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PageSize> hostPageProperty() {
        return hostPage.getReadOnlyProperty();
    }

    /** Why the last choice was refused; empty after a choice that was taken. */
    public ReadOnlyStringProperty choiceErrorProperty() {
        return choiceError.getReadOnlyProperty();
    }

    /** Chooses the guest's levels (4 or 5); returns whether taken (else {@link #choiceErrorProperty()} says why). */
    public boolean chooseGuestLevels(int levels) {
        return chooseAndSubmit(levels, guestPage.get(), hostLevels.get(), hostPage.get());
    }

    public boolean chooseGuestPage(PageSize size) {
        return chooseAndSubmit(guestLevels.get(), size, hostLevels.get(), hostPage.get());
    }

    public boolean chooseHostLevels(int levels) {
        return chooseAndSubmit(guestLevels.get(), guestPage.get(), levels, hostPage.get());
    }

    public boolean chooseHostPage(PageSize size) {
        return chooseAndSubmit(guestLevels.get(), guestPage.get(), hostLevels.get(), size);
    }

    /**
     * The address typed is walked at once, as the tab's own; committing it (Enter, or leaving the field) makes it a
     * walk of the run: handed to the simulation if it differs from the simulation's walk. Nothing when refused.
     */
    public void commitAddress() {
        if (addressError.get().isEmpty()) {
            submitShown();
        }
    }

    /**
     * Hands the walks asked for from now on to the simulation (the runner's {@code submitShown}): a table chosen or
     * an address committed becomes a {@link WalkAddress} input.
     */
    public void setSubmitter(Consumer<? super Input> submitter) {
        this.submitter = submitter;
    }

    /** "4 levels". */
    public String levelsLabel(int levels) {
        return i18n.format("memory.levelsOption", levels);
    }

    /** "4 KiB pages". */
    public String pageLabel(PageSize size) {
        return i18n.format("memory.pageOption", sizeText(size));
    }

    /** The guest-virtual address as typed: hexadecimal, {@code 0x} optional, {@code _} between digits allowed. */
    public StringProperty addressTextProperty() {
        return addressText;
    }

    /** Why the typed address is refused, with the range allowed; empty when it is walked. */
    public ReadOnlyStringProperty addressErrorProperty() {
        return addressError.getReadOnlyProperty();
    }

    /** The addresses the guest's tables translate: "0x0–0x7fffffffffff" and the upper half. */
    public ReadOnlyStringProperty addressRangeProperty() {
        return addressRange.getReadOnlyProperty();
    }

    /** "Guest virtual 0x… → guest physical 0x… → host physical 0x…" of the address walked. */
    public ReadOnlyStringProperty addressesProperty() {
        return addresses.getReadOnlyProperty();
    }

    // ---- the animation ---------------------------------------------------------------------------------

    public WalkColumnViewModel nativeColumn() {
        return nativeColumn;
    }

    public WalkColumnViewModel shadowColumn() {
        return shadowColumn;
    }

    public WalkColumnViewModel nestedColumn() {
        return nestedColumn;
    }

    /** The three columns, left to right. */
    public List<WalkColumnViewModel> columns() {
        return List.of(nativeColumn, shadowColumn, nestedColumn);
    }

    public TlbViewModel tlb() {
        return tlb;
    }

    /** 0 (nothing read yet) to {@link #maxStepProperty()}: the references lit in every column. */
    public ReadOnlyIntegerProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** The longest walk's references: the nested walk's. */
    public ReadOnlyIntegerProperty maxStepProperty() {
        return maxStep.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public BooleanBinding canStepBackBinding() {
        return canStepBack;
    }

    public BooleanBinding canStepForwardBinding() {
        return canStepForward;
    }

    /** The nested walk's current reference in words, or what to do to start. */
    public StringBinding currentBinding() {
        return current;
    }

    public void stepForward() {
        playing.set(false);
        if (step.get() < maxStep.get()) {
            step.set(step.get() + 1);
        }
    }

    public void stepBack() {
        playing.set(false);
        if (step.get() > 0) {
            step.set(step.get() - 1);
        }
    }

    /** Plays from here, or from the start when the walk is complete. */
    public void play() {
        if (step.get() >= maxStep.get()) {
            step.set(0);
        }
        playing.set(true);
    }

    public void pause() {
        playing.set(false);
    }

    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    /** Back to nothing read, paused. */
    public void reset() {
        playing.set(false);
        step.set(0);
    }

    /** One animation frame: while playing, the next reference lights; playing stops after the last. */
    public void tick() {
        if (!playing.get()) {
            return;
        }
        if (step.get() < maxStep.get()) {
            step.set(step.get() + 1);
        }
        if (step.get() >= maxStep.get()) {
            playing.set(false);
        }
    }

    /**
     * Starts over for a scenario: its translation settings become the choices, the address and the TLB
     * experiment's inputs, paused on the whole walk. The shell calls it whenever a new run starts (a file or lesson
     * opened, Reset, or an edit that restarts the simulation), so a lesson opens the tab set up as it says.
     */
    public void reset(Scenario scenario) {
        TranslationSettings settings = scenario.translation();
        playing.set(false);
        tlb.apply(settings.tlb());
        tickMicros = scenario.tickMicros();
        // a seek starts the charts over (a new generation, hence this reset): a highlight waiting for it stays
        asked = null;
        shownMicros = 0;
        simulated = WalkAddress.of(settings); // what the simulation starts from (its WalkSubsystem)
        simulatedSerial = 0;
        show(simulated);
        step.set(maxStep.get());
    }

    /**
     * The simulation's state of the moment shown: when its walk is another than the one it had before (a walk asked
     * for, or Back and Forward across one), the animator shows it, with the tables and address it was made with.
     * When the moment is the one a selected reference's event was sought to, the step goes to that reference.
     */
    public void update(SimulationSnapshot snapshot) {
        Optional<WalkSnapshot> found = snapshot.find(WalkSnapshot.class);
        if (found.isEmpty()) {
            return;
        }
        WalkSnapshot now = found.get();
        boolean sought = highlighted != null && snapshot.nowMicros() == highlightedAtMicros;
        boolean before = snapshot.nowMicros() < shownMicros;
        shownMicros = snapshot.nowMicros();
        if (asked != null) {
            if (!now.walk().equals(asked) && !sought && !before) {
                return; // the walk asked for is not in the run yet: keep showing it, not the one before
            }
            asked = null;
        }
        if (now.serial() != simulatedSerial || sought) {
            simulatedSerial = now.serial();
            simulated = now.walk();
            if (!simulated.equals(shownWalk())) {
                show(simulated);
            }
        }
        if (sought) {
            light(highlighted);
            highlighted = null;
        }
    }

    /**
     * The Events panel selected an event: for a {@link EventKind#WALK_REFERENCE} the step goes to its reference
     * (at once if the walk shown has it, and again when the run has been put just after it); anything else, or
     * null, forgets a highlight not yet shown.
     */
    public void highlight(SimEvent event) {
        if (event == null || event.kind() != EventKind.WALK_REFERENCE) {
            highlighted = null;
            return;
        }
        highlighted = event;
        // the runner's seekAfterEvent: to the end of the tick the event happened in
        highlightedAtMicros = Math.floorDiv(event.atMicros(), tickMicros) * tickMicros + tickMicros;
        light(event);
    }

    /** The step on the event's reference, if the nested walk shown is the one that made it. */
    private void light(SimEvent event) {
        int s = (int) event.arg(0);
        if (nestedWalk == null || s < 1 || s > nestedWalk.count()) {
            return;
        }
        MemoryReference r = nestedWalk.references().get(s - 1);
        if (r.level() == event.arg(1) && r.address() == event.arg(2)
                && WalkRole.of(nestedWalk.references(), s - 1) == event.cause()) {
            playing.set(false);
            step.set(s);
        }
    }

    /** Shows a walk the engine accepts, replacing the choices, the address typed and any refusal. */
    private void show(WalkAddress walk) {
        // Straight to the walk, not through choose(): the old address may not fit the new guest's tables.
        Optional<String> refused = apply(walk.guestLevels(), walk.guestPage(), walk.hostLevels(), walk.hostPage(),
                walk.address());
        if (refused.isPresent()) { // WalkAddress's constructor accepts only what the engine walks
            throw new IllegalStateException(refused.get());
        }
        choiceError.set("");
        addressText.set(WalkTexts.hex(walk.address())); // walks the same again: no error
        addressError.set(""); // also when the text was already this one, refused under the old tables
    }

    /** The tables and address shown. */
    private WalkAddress shownWalk() {
        return new WalkAddress(guestLevels.get(), guestPage.get(), hostLevels.get(), hostPage.get(), address);
    }

    /**
     * The guest switches process (writes CR3) or edits a page-table entry, in the run: under shadow paging each is a
     * VM exit the Events panel lists; with EPT/NPT, and natively, none. Nothing happens without a run to tell.
     */
    public void guestWrites(PagingExit write) {
        if (submitter != null) {
            submitter.accept(new GuestPagingWrite(write));
        }
    }

    /** Hands the walk shown to the simulation when it is another than the simulation's (or the one asked for). */
    private void submitShown() {
        WalkAddress walk = shownWalk();
        if (submitter != null && !walk.equals(asked != null ? asked : simulated)) {
            asked = walk;
            submitter.accept(walk);
        }
    }

    /** Takes over the choices, address and step of the view model this one replaces (a language switch). */
    public void carryOverFrom(MemoryViewModel previous) {
        choose(previous.guestLevels.get(), previous.guestPage.get(), previous.hostLevels.get(),
                previous.hostPage.get());
        addressText.set(previous.addressText.get());
        step.set(Math.min(previous.step.get(), maxStep.get()));
        tlb.carryOverFrom(previous.tlb);
    }

    // ---- the work ------------------------------------------------------------------------------------

    private boolean chooseAndSubmit(int gl, PageSize gp, int hl, PageSize hp) {
        boolean taken = choose(gl, gp, hl, hp);
        if (taken && addressError.get().isEmpty()) {
            submitShown();
        }
        return taken;
    }

    private boolean choose(int gl, PageSize gp, int hl, PageSize hp) {
        Optional<String> refused = apply(gl, gp, hl, hp, address);
        choiceError.set(refused.map(reason -> i18n.format("memory.error.refused", reason)).orElse(""));
        if (refused.isEmpty() && !addressError.get().isEmpty()) {
            typed(addressText.get()); // a refused address may fit the new tables; its message names the new range
        }
        return refused.isEmpty();
    }

    private void typed(String text) {
        Optional<Long> parsed = parse(text);
        if (parsed.isEmpty()) {
            addressError.set(i18n.format("memory.error.addressFormat", text == null ? "" : text.strip(),
                    addressRange.get()));
            return;
        }
        Optional<String> refused = apply(guestLevels.get(), guestPage.get(), hostLevels.get(), hostPage.get(),
                parsed.get());
        addressError.set(refused.orElse(""));
    }

    /**
     * Walks {@code virtualAddress} in the three modes over the given tables and shows the walks, or returns
     * why not (nothing changes then).
     */
    private Optional<String> apply(int gl, PageSize gp, int hl, PageSize hp, long virtualAddress) {
        List<TranslationMode> modes;
        Walk[] walks = new Walk[3];
        try {
            PageTableConfig guest = new PageTableConfig(gl, gp);
            PageTableConfig host = new PageTableConfig(hl, hp);
            if (!guest.isCanonical(virtualAddress)) {
                return Optional.of(i18n.format("memory.error.addressRange", WalkTexts.hex(virtualAddress),
                        guest.addressBits(), gl, range(guest)));
            }
            modes = List.of(new TranslationMode.Native(guest), new TranslationMode.Shadow(guest, host),
                    new TranslationMode.Nested(guest, host));
            for (int i = 0; i < 3; i++) {
                walks[i] = new Walker(modes.get(i)).walk(virtualAddress);
            }
        } catch (IllegalArgumentException e) { // the engine's own reason for a combination it refuses
            return Optional.of(e.getMessage());
        }
        boolean wasComplete = step.get() >= maxStep.get();
        guestLevels.set(gl);
        guestPage.set(gp);
        hostLevels.set(hl);
        hostPage.set(hp);
        address = virtualAddress;
        addressRange.set(range(modes.get(0).guest()));
        nestedWalk = walks[2];
        addresses.set(i18n.format("memory.addresses", WalkTexts.hex(virtualAddress),
                WalkTexts.hex(nestedWalk.guestPhysicalAddress().orElseThrow()),
                WalkTexts.hex(nestedWalk.physicalAddress())));
        nativeColumn.show(WalkLayouts.of(walks[0], texts), i18n.format("memory.formula.levels", walks[0].count()));
        // Shadow tables map the smaller of the two page sizes, so over small host pages they walk deeper than native.
        shadowColumn.show(WalkLayouts.of(walks[1], texts), walks[1].count() == walks[0].count()
                ? i18n.format("memory.formula.shadow", walks[1].count())
                : i18n.format("memory.formula.shadowPages", walks[1].count(), sizeText(modes.get(1).tlbPageSize())));
        TranslationMode.Nested nested = (TranslationMode.Nested) modes.get(2);
        nestedColumn.show(WalkLayouts.of(walks[2], texts), i18n.format("memory.formula.nested",
                nested.guest().walkedLevels(), nested.host().walkedLevels(), walks[2].count()));
        int max = Math.max(walks[0].count(), Math.max(walks[1].count(), walks[2].count()));
        maxStep.set(max);
        step.set(wasComplete ? max : Math.min(step.get(), max));
        if (step.get() >= max) {
            playing.set(false);
        }
        tlb.configure(modes);
        return Optional.empty();
    }

    private String currentText() {
        int s = step.get();
        if (s == 0 || nestedWalk == null) {
            return i18n.get("memory.current.start");
        }
        if (s > nestedWalk.count()) {
            return i18n.get("memory.current.done");
        }
        return i18n.format("memory.current", i18n.get("memory.tlb.mode.nested"),
                texts.describe(nestedWalk.references(), s - 1).replace("\n", " · "));
    }

    /** "0x0–0x7fffffffffff or 0xffff800000000000–0xffffffffffffffff". */
    private String range(PageTableConfig guest) {
        long end = guest.lowerHalfEnd();
        return i18n.format("memory.range", WalkTexts.hex(0), WalkTexts.hex(end), WalkTexts.hex(~end),
                WalkTexts.hex(-1L));
    }

    /** A hexadecimal address: {@code 0x} optional, underscores between digits allowed, at most 64 bits. */
    static Optional<Long> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String digits = text.strip().replace("_", "");
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            digits = digits.substring(2);
        }
        if (digits.isEmpty() || digits.length() > 16 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseUnsignedLong(digits, 16));
    }

    static String sizeText(PageSize size) {
        return switch (size) {
            case FOUR_KIB -> "4 KiB";
            case TWO_MIB -> "2 MiB";
            case ONE_GIB -> "1 GiB";
        };
    }
}
