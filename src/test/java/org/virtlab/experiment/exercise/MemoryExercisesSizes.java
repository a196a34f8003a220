package org.virtlab.experiment.exercise;

/** Reads back the sizes the TLB questions print ("512 KiB", "2 MiB", "1 GiB"). */
final class MemoryExercisesSizes {
    private MemoryExercisesSizes() {
    }

    static long bytes(String text) {
        String[] parts = text.split(" ");
        long n = Long.parseLong(parts[0]);
        return switch (parts[1]) {
            case "GiB" -> n << 30;
            case "MiB" -> n << 20;
            default -> n << 10;
        };
    }
}
