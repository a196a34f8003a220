package org.virtlab.engine.io;

import java.util.Arrays;

/** Requests the guest issued and its driver has not submitted yet: a growable deque on primitive arrays. */
final class RequestQueue {
    private long[] arrivalNanos;
    private long[] serial;
    private int[] bytes;
    private int head;
    private int size;
    /** The request {@link #pollFirst()} took last. */
    long polledArrivalNanos;
    long polledSerial;
    int polledBytes;

    RequestQueue(int capacity) {
        arrivalNanos = new long[capacity];
        serial = new long[capacity];
        bytes = new int[capacity];
    }

    RequestQueue copy() {
        RequestQueue c = new RequestQueue(Math.max(size, 1));
        for (int k = 0; k < size; k++) {
            int i = (head + k) % arrivalNanos.length;
            c.arrivalNanos[k] = arrivalNanos[i];
            c.serial[k] = serial[i];
            c.bytes[k] = bytes[i];
        }
        c.size = size;
        return c;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void addLast(long arrival, long s, int b) {
        grow();
        int i = (head + size) % arrivalNanos.length;
        arrivalNanos[i] = arrival;
        serial[i] = s;
        bytes[i] = b;
        size++;
    }

    void addFirst(long arrival, long s, int b) {
        grow();
        head = (head - 1 + arrivalNanos.length) % arrivalNanos.length;
        arrivalNanos[head] = arrival;
        serial[head] = s;
        bytes[head] = b;
        size++;
    }

    void pollFirst() {
        polledArrivalNanos = arrivalNanos[head];
        polledSerial = serial[head];
        polledBytes = bytes[head];
        head = (head + 1) % arrivalNanos.length;
        size--;
    }

    private void grow() {
        if (size < arrivalNanos.length) {
            return;
        }
        int cap = Math.max(16, arrivalNanos.length * 2);
        long[] a = new long[cap];
        long[] s = new long[cap];
        int[] b = new int[cap];
        for (int k = 0; k < size; k++) {
            int i = (head + k) % arrivalNanos.length;
            a[k] = arrivalNanos[i];
            s[k] = serial[i];
            b[k] = bytes[i];
        }
        arrivalNanos = a;
        serial = s;
        bytes = b;
        head = 0;
        Arrays.fill(a, size, cap, 0);
    }
}
