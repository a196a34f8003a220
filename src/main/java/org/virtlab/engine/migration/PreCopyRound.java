package org.virtlab.engine.migration;

/**
 * One pre-copy round: the memory it sent while the VM ran, how long that took at the migration's bandwidth,
 * and how much the VM dirtied meanwhile (what the next round, or the stop-and-copy, must send).
 *
 * @param index          0 for the first round (all of memory), then 1, 2, ...
 * @param sentMib        what the round sent
 * @param durationMicros sent ÷ bandwidth, in µs (fractional: rounds need not end on a tick)
 * @param dirtiedMib     dirtied during the round: dirty rate × duration, at most the VM's memory
 */
public record PreCopyRound(int index, double sentMib, double durationMicros, double dirtiedMib) {
}
