package org.virtlab.ui.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Linux's CPU list syntax (cpuset.cpus, taskset -c, virsh vcpupin: "0-3,8"), read and written. */
class CpuListTest {
    private static CpuList.Result parse(String text) {
        return CpuList.parse(text, 12); // a host of 12 logical CPUs, 0–11
    }

    @Test
    void numbersAndRangesMakeOneSortedSet() {
        assertEquals(List.of(0, 1, 2, 3, 8), parse("0-3,8").cpus());
        assertEquals(List.of(2, 5), parse(" 5 , 2 ").cpus());
        assertEquals(List.of(11), parse("11").cpus());
    }

    @Test
    void overlapsAreTheUnionAsTheKernelTakesThem() {
        assertEquals(List.of(0, 1, 2, 3), parse("0-3,2").cpus());
    }

    @Test
    void fullWidthInputAndTheEnDashOfMessagesAreTaken() {
        // typed with a Chinese input method, or copied from "Allowed: logical CPUs 0–11"
        assertEquals(List.of(0, 1, 2, 3, 8), parse("０－３，８").cpus());
        assertEquals(List.of(0, 1, 2), parse("0–2").cpus());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''        | EMPTY        | ''",
            "'  '      | EMPTY        | ''",
            "a         | SYNTAX       | a",
            "'1,'      | SYNTAX       | ''",
            "1--2      | SYNTAX       | 1--2",
            "-1        | SYNTAX       | -1",
            "0-3:2     | SYNTAX       | 0-3:2",
            "3-1       | DESCENDING   | 3-1",
            "12        | OUT_OF_RANGE | 12",
            "'0-3,8-12'| OUT_OF_RANGE | 12",
            "99999999999 | OUT_OF_RANGE | 99999999999"})
    void wrongListsSayWhatAndWhere(String text, CpuList.Problem problem, String item) {
        CpuList.Result r = parse(text);
        assertEquals(problem, r.problem());
        assertEquals(item, r.item());
        assertEquals(List.of(), r.cpus());
    }

    @Test
    void writesRunsAsRangesAsTheKernelDoes() {
        assertEquals("0-3,8", CpuList.format(List.of(8, 3, 2, 1, 0)));
        assertEquals("4-5", CpuList.format(List.of(4, 5))); // /sys/devices/system/cpu/online on two CPUs: "0-1"
        assertEquals("0,2,4-6", CpuList.format(List.of(0, 2, 4, 5, 6)));
        assertEquals("", CpuList.format(List.of()));
    }

    @Test
    void whatIsWrittenReadsBackAsItself() {
        for (List<Integer> cpus : List.of(List.of(0), List.of(0, 1), List.of(1, 3, 4, 5, 11), List.of(0, 1, 2, 3, 8))) {
            assertEquals(cpus, parse(CpuList.format(cpus)).cpus());
        }
    }

    @Test
    void rangesForMessages() {
        assertEquals("0–3", CpuList.range(4));
        assertEquals("0", CpuList.range(1));
    }
}
