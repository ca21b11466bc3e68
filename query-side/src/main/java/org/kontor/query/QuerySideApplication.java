package org.kontor.query;

import org.kontor.config.Launcher;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The query side alone, for the scaled-out topology: projections and the HTTP query API. */
@SpringBootApplication(scanBasePackages = {"org.kontor.config", "org.kontor.query"})
public class QuerySideApplication {

    public static void main(String[] args) {
        Launcher.run(QuerySideApplication.class, args);
    }
}
