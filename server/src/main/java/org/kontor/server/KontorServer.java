package org.kontor.server;

import org.kontor.config.Launcher;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Kontor in one process. The two sides' own main classes are left out of the scan: each is a whole
 * application of its own, and this one already is both.
 */
@SpringBootApplication
@ComponentScan(
        basePackages = {"org.kontor.config", "org.kontor.command", "org.kontor.query", "org.kontor.server"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = {"org\\.kontor\\.command\\.CommandSideApplication", "org\\.kontor\\.query\\.QuerySideApplication"}))
public class KontorServer {

    public static void main(String[] args) {
        Launcher.run(KontorServer.class, args);
    }
}
