package org.kontor.bench;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Progress on standard error, so that standard output stays free for the final summary. */
final class Log {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Log() {
    }

    static void info(String message) {
        System.err.println(TIME.format(LocalTime.now()) + " " + message);
    }
}
