package org.virtlab.ui.events;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.virtlab.engine.EventKind;
import org.virtlab.engine.SimEvent;
import org.virtlab.ui.i18n.I18n;
import org.virtlab.ui.sim.SimulationRunner;

/**
 * The Events panel's state: the run's events (the newest {@link SimulationRunner#JOURNAL_CAPACITY}), the filters by
 * kind and by VM or host, the events they let through, the selected one, and Back and Forward, which select the
 * previous or next event shown and ask for the run to be put just after it.
 */
public final class EventsViewModel {
    private final EventTexts texts;
    private final LongConsumer seekAfterEvent;
    private final int capacity;

    /** This timeline's events, oldest first (at most {@code capacity}). */
    private final List<SimEvent> all = new ArrayList<>();
    private long dropped;
    private long timeline = -1;
    private long nowMicros;

    private final Map<EventKind, BooleanProperty> kindShown = new EnumMap<>(EventKind.class);
    /** VM and host ids in the order they first appeared, each with whether its events are shown. */
    private final Map<String, BooleanProperty> ownerShown = new LinkedHashMap<>();
    private final ObservableList<String> owners = FXCollections.observableArrayList();
    private final ObservableList<SimEvent> shown = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<SimEvent> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper selectedIndex = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper();

    /**
     * @param names          a VM's or host's name from its id, for display
     * @param seekAfterEvent puts the run just after an event at the given time (the runner's
     *                       {@link SimulationRunner#seekAfterEvent})
     */
    public EventsViewModel(I18n i18n, UnaryOperator<String> names, LongConsumer seekAfterEvent) {
        this(i18n, names, seekAfterEvent, SimulationRunner.JOURNAL_CAPACITY);
    }

    EventsViewModel(I18n i18n, UnaryOperator<String> names, LongConsumer seekAfterEvent, int capacity) {
        this.texts = new EventTexts(i18n, names);
        this.seekAfterEvent = seekAfterEvent;
        this.capacity = capacity;
        for (EventKind k : EventKind.values()) {
            BooleanProperty p = new SimpleBooleanProperty(true);
            p.addListener((obs, was, now) -> refilter());
            kindShown.put(k, p);
        }
        updateCount();
    }

    public EventTexts texts() {
        return texts;
    }

    /** The events the filters let through, oldest first. */
    public ObservableList<SimEvent> shown() {
        return FXCollections.unmodifiableObservableList(shown);
    }

    /** Whether events of {@code kind} are shown (the user's choice). */
    public BooleanProperty kindShownProperty(EventKind kind) {
        return kindShown.get(kind);
    }

    /** Shows or hides every kind of a topic. */
    public void setTopicShown(EventTopic topic, boolean show) {
        for (EventKind k : topic.kinds()) {
            kindShown.get(k).set(show);
        }
    }

    /** Shows every kind and every VM and host. */
    public void showAll() {
        kindShown.values().forEach(p -> p.set(true));
        ownerShown.values().forEach(p -> p.set(true));
    }

    /** The VMs and hosts events have come from, in order of appearance. */
    public ObservableList<String> owners() {
        return FXCollections.unmodifiableObservableList(owners);
    }

    /** Whether the events of a VM or host (of those in {@link #owners()}) are shown. */
    public BooleanProperty ownerShownProperty(String owner) {
        return ownerShown.get(owner);
    }

    public ReadOnlyObjectProperty<SimEvent> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The selected event's place in {@link #shown()}, or −1. */
    public ReadOnlyIntegerProperty selectedIndexProperty() {
        return selectedIndex.getReadOnlyProperty();
    }

    /** "12 of 340 events shown", and how many of the oldest were dropped, if any. */
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    /** Events held in all (shown or not). */
    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** The events held (shown or not) that happened before {@code micros}, oldest first: the run so far. */
    public List<SimEvent> eventsBefore(long micros) {
        List<SimEvent> out = new ArrayList<>();
        for (SimEvent e : all) {
            if (e.atMicros() >= micros) {
                break;
            }
            out.add(e);
        }
        return out;
    }

    /**
     * Takes over the list, the filters and the selection of the panel this one replaces (the window rebuilt in
     * another language around the same run); the events this one has had since come after them.
     */
    public void carryOverFrom(EventsViewModel previous) {
        if (timeline != -1 && timeline != previous.timeline) {
            return; // a new run began in between: nothing of the old one applies
        }
        List<SimEvent> since = new ArrayList<>(all);
        all.clear();
        all.addAll(previous.all);
        all.addAll(since);
        timeline = previous.timeline;
        dropped = previous.dropped;
        trim();
        previous.kindShown.forEach((k, p) -> kindShown.get(k).set(p.get()));
        List<String> order = new ArrayList<>(previous.owners);
        owners.forEach(o -> {
            if (!order.contains(o)) {
                order.add(o);
            }
        });
        for (String o : order) {
            BooleanProperty p = ownerShown.computeIfAbsent(o, x -> {
                BooleanProperty n = new SimpleBooleanProperty(true);
                n.addListener((obs, was, now) -> refilter());
                return n;
            });
            BooleanProperty before = previous.ownerShown.get(o);
            p.set(before == null || before.get());
        }
        owners.setAll(order);
        selected.set(previous.selected.get());
        refilter();
    }

    // ---- from the runner, once per frame ----

    /** Takes the runner's new events; {@code nowMicros} is the simulated time on screen. */
    public void update(List<SimulationRunner.EventBatch> batches, long nowMicros) {
        this.nowMicros = nowMicros;
        boolean changed = false;
        List<SimEvent> fresh = new ArrayList<>();
        for (SimulationRunner.EventBatch b : batches) {
            if (b.timeline() != timeline) {
                timeline = b.timeline();
                all.clear();
                fresh.clear();
                dropped = 0;
                ownerShown.clear();
                owners.clear();
                changed = true;
            }
            if (b.forgetFromMicros() != Long.MAX_VALUE) {
                all.addAll(fresh);
                fresh.clear();
                all.removeIf(e -> e.atMicros() >= b.forgetFromMicros());
                changed = true;
            }
            fresh.addAll(b.events());
        }
        for (SimEvent e : fresh) {
            String owner = EventTexts.owner(e);
            if (!ownerShown.containsKey(owner)) {
                BooleanProperty p = new SimpleBooleanProperty(true);
                p.addListener((obs, was, now) -> refilter());
                ownerShown.put(owner, p);
                owners.add(owner);
            }
        }
        if (changed) {
            all.addAll(fresh);
            trim();
            refilter();
            return;
        }
        all.addAll(fresh);
        List<SimEvent> add = new ArrayList<>();
        for (SimEvent e : fresh) {
            if (passes(e)) {
                add.add(e);
            }
        }
        int overflow = all.size() - capacity;
        if (overflow > 0) { // the oldest go: from the shown ones too, without building the list again
            int gone = 0;
            for (SimEvent e : all.subList(0, overflow)) {
                if (passes(e)) {
                    gone++;
                }
            }
            trim();
            int keptShown = shown.size() - gone;
            if (keptShown < 0) { // some of the new ones are dropped at once
                add.subList(0, Math.min(add.size(), -keptShown)).clear();
                gone = shown.size();
            }
            shown.remove(0, gone);
            int selectedAt = selectedIndex.get();
            if (selectedAt >= 0) {
                selectedIndex.set(selectedAt - gone >= 0 ? selectedAt - gone : -1);
                if (selectedAt - gone < 0) {
                    selected.set(null);
                }
            }
        }
        shown.addAll(add);
        updateCount();
    }

    private void trim() {
        int overflow = all.size() - capacity;
        if (overflow > 0) {
            all.subList(0, overflow).clear();
            dropped += overflow;
        }
    }

    // ---- commands ----

    /** Selects a shown event (−1: none) and puts the run just after it. */
    public void select(int index) {
        if (index < 0 || index >= shown.size()) {
            selected.set(null);
            selectedIndex.set(-1);
            return;
        }
        SimEvent e = shown.get(index);
        selected.set(e);
        selectedIndex.set(index);
        seekAfterEvent.accept(e.atMicros());
    }

    /** The previous shown event: before the selected one, or else the newest before the time on screen. */
    public void back() {
        int i = selectedIndex.get();
        if (i < 0) {
            i = firstShownAtOrAfter(nowMicros);
        }
        if (i > 0) {
            select(i - 1);
        }
    }

    /** The next shown event: after the selected one, or else the first at or after the time on screen. */
    public void forward() {
        int i = selectedIndex.get();
        int next = i >= 0 ? i + 1 : firstShownAtOrAfter(nowMicros);
        if (next < shown.size()) {
            select(next);
        }
    }

    private int firstShownAtOrAfter(long micros) {
        int lo = 0;
        int hi = shown.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (shown.get(mid).atMicros() < micros) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private boolean passes(SimEvent e) {
        BooleanProperty owner = ownerShown.get(EventTexts.owner(e));
        return kindShown.get(e.kind()).get() && (owner == null || owner.get());
    }

    private void refilter() {
        SimEvent keep = selected.get();
        List<SimEvent> out = new ArrayList<>();
        for (SimEvent e : all) {
            if (passes(e)) {
                out.add(e);
            }
        }
        shown.setAll(out);
        int at = keep == null ? -1 : out.indexOf(keep);
        selected.set(at < 0 ? null : keep);
        selectedIndex.set(at);
        updateCount();
    }

    private void updateCount() {
        total.set(all.size());
        String count = texts.count(shown.size(), all.size());
        countText.set(dropped > 0 ? count + " " + texts.dropped(dropped) : count);
    }
}
