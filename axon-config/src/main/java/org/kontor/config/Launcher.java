package org.kontor.config;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts a Kontor application the same way from every main class. */
public final class Launcher {

    static final String UPDATE_CHECKER_PROPERTY = "axoniq.update-checker.disabled";

    private Launcher() {
    }

    public static ConfigurableApplicationContext run(Class<?> application, String[] args) {
        disableUpdateCheckerUnlessConfigured();
        return SpringApplication.run(application, args);
    }

    /**
     * Axon's update checker phones home and fails on closed networks; it stays off unless the
     * operator asked for it explicitly.
     */
    static void disableUpdateCheckerUnlessConfigured() {
        if (System.getProperty(UPDATE_CHECKER_PROPERTY) == null) {
            System.setProperty(UPDATE_CHECKER_PROPERTY, "true");
        }
    }
}
