package org.virtlab.ui.properties;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Linux's list format for sets of CPUs, as in {@code cpuset.cpus}, {@code taskset -c} and
 * {@code virsh vcpupin}: numbers and ranges separated by commas, {@code "0-3,8"}. The exclusion
 * ({@code ^2}) and stride ({@code 0-7:2}) forms of libvirt and newer kernels are not taken.
 *
 * <p>Forgiving where nothing is ambiguous: spaces around items, full-width digits and commas typed with a
 * Chinese input method ({@code ０－３，８}), an en dash as in the range shown in messages ({@code 0–3}), and
 * overlapping items ({@code 0-3,2}: the kernel takes their union too).
 */
final class CpuList {
    /** One item: a number, or two numbers with a dash. Up to 9 digits, so parsing can never overflow. */
    private static final Pattern ITEM = Pattern.compile("(\\d{1,9})(?:\\s*[-–]\\s*(\\d{1,9}))?");
    /** An item of digits too long to be any CPU: out of range rather than a syntax error. */
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d+(?:\\s*[-–]\\s*\\d+)?");

    /** What is wrong with a list, if anything. */
    enum Problem { NONE, EMPTY, SYNTAX, DESCENDING, OUT_OF_RANGE }

    /**
     * A parsed list: the CPUs (sorted, each once) when {@link Problem#NONE}, else the problem and the item
     * it is about (the whole text for {@code EMPTY}).
     */
    record Result(List<Integer> cpus, Problem problem, String item) {
        boolean ok() {
            return problem == Problem.NONE;
        }
    }

    private CpuList() {
    }

    /** Parses {@code text} as a list of logical CPUs of a host that has {@code logicalCpus} of them (0..n−1). */
    static Result parse(String text, int logicalCpus) {
        String t = text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        if (t.isEmpty()) {
            return new Result(List.of(), Problem.EMPTY, "");
        }
        TreeSet<Integer> cpus = new TreeSet<>();
        for (String raw : t.split(",", -1)) {
            String item = raw.strip();
            Matcher m = ITEM.matcher(item);
            if (!m.matches()) {
                Problem p = LONG_NUMBER.matcher(item).matches() ? Problem.OUT_OF_RANGE : Problem.SYNTAX;
                return new Result(List.of(), p, item);
            }
            int first = Integer.parseInt(m.group(1));
            int last = m.group(2) == null ? first : Integer.parseInt(m.group(2));
            if (last < first) {
                return new Result(List.of(), Problem.DESCENDING, item);
            }
            if (last >= logicalCpus) {
                return new Result(List.of(), Problem.OUT_OF_RANGE, first >= logicalCpus ? m.group(1) : m.group(2));
            }
            for (int cpu = first; cpu <= last; cpu++) {
                cpus.add(cpu);
            }
        }
        return new Result(List.copyOf(cpus), Problem.NONE, "");
    }

    /**
     * These CPUs as the kernel writes them (e.g. {@code /sys/devices/system/cpu/online}): every run as a
     * range, {@code [0, 1, 2, 3, 8]} → {@code "0-3,8"}, {@code [4, 5]} → {@code "4-5"}.
     */
    static String format(List<Integer> cpus) {
        List<Integer> sorted = new ArrayList<>(new TreeSet<>(cpus));
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
                j++;
            }
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(sorted.get(i));
            if (j > i) {
                out.append('-').append(sorted.get(j));
            }
            i = j + 1;
        }
        return out.toString();
    }

    /** The host's logical CPUs as a range for messages: {@code "0–3"}, or {@code "0"} when there is one. */
    static String range(int logicalCpus) {
        return span(0, logicalCpus - 1);
    }

    /** CPUs first..last as a range for messages: {@code "12–23"}, or {@code "5"} when first is last. */
    static String span(int first, int last) {
        return first == last ? Integer.toString(first) : first + "–" + last;
    }
}
