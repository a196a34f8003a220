package org.virtlab.engine.io;

/** A FIFO of ints on a growable ring (request slots waiting for the back-end or for the driver). */
final class IntFifo {
    private int[] items;
    private int head;
    private int size;

    IntFifo(int capacity) {
        items = new int[Math.max(1, capacity)];
    }

    IntFifo copy() {
        IntFifo f = new IntFifo(size);
        for (int k = 0; k < size; k++) {
            f.items[k] = items[(head + k) % items.length];
        }
        f.size = size;
        return f;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    void add(int v) {
        if (size == items.length) {
            int[] bigger = new int[items.length * 2];
            for (int k = 0; k < size; k++) {
                bigger[k] = items[(head + k) % items.length];
            }
            items = bigger;
            head = 0;
        }
        items[(head + size) % items.length] = v;
        size++;
    }

    int poll() {
        int v = items[head];
        head = (head + 1) % items.length;
        size--;
        return v;
    }
}
