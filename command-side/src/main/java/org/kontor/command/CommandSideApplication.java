package org.kontor.command;

import org.kontor.config.Launcher;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The command side alone, for the scaled-out topology: aggregates and the HTTP command API. */
@SpringBootApplication(scanBasePackages = {"org.kontor.config", "org.kontor.command"})
public class CommandSideApplication {

    public static void main(String[] args) {
        Launcher.run(CommandSideApplication.class, args);
    }
}
