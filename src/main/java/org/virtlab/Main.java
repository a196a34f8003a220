package org.virtlab;

/** The launcher: no arguments opens the window, anything else is the command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(0);
    }
}
