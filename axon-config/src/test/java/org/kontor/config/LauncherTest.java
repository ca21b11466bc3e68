package org.kontor.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LauncherTest {

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(Launcher.UPDATE_CHECKER_PROPERTY);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(Launcher.UPDATE_CHECKER_PROPERTY);
        } else {
            System.setProperty(Launcher.UPDATE_CHECKER_PROPERTY, before);
        }
    }

    @Test
    void updateCheckerNotConfigured_disabled() {
        System.clearProperty(Launcher.UPDATE_CHECKER_PROPERTY);

        Launcher.disableUpdateCheckerUnlessConfigured();

        assertThat(System.getProperty(Launcher.UPDATE_CHECKER_PROPERTY)).isEqualTo("true");
    }

    @Test
    void updateCheckerEnabledByTheOperator_leftAsChosen() {
        System.setProperty(Launcher.UPDATE_CHECKER_PROPERTY, "false");

        Launcher.disableUpdateCheckerUnlessConfigured();

        assertThat(System.getProperty(Launcher.UPDATE_CHECKER_PROPERTY)).isEqualTo("false");
    }
}
