package org.kontor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import reactor.netty.http.server.HttpServer;

/**
 * The HTTP server under the API is Reactor Netty 1.2.18 or later.
 *
 * <p>Why: before 1.2.18 a request that arrived on a kept-alive connection while the previous
 * request's operations had not yet terminated got those operations as its connection
 * (reactor-netty#4188, "keep-alive can hang"). Under the benchmark's 16 clients the requests of a
 * connection formed chains up to 107 deep, which every {@code channel()} call walked: 1.25 % of the
 * server's CPU samples while posting, none with 1.2.18 (docs/benchmarks.md, session twenty-four).
 * Spring Boot 3.5.7 manages 1.2.11; the root pom raises it. The race needs a loaded server to show,
 * so this test guards the version instead of reproducing it: it fails when a change of the Boot
 * version or of the pom brings an older Reactor Netty back.
 */
class ReactorNettyVersionTest {

    private static final int[] FIRST_FIXED = {1, 2, 18};

    @Test
    void reactorNettyOnTheClassPath_isAtLeastTheFirstWithTheKeepAliveFix() throws Exception {
        String version = bundleVersionOf(HttpServer.class);

        assertThat(compare(version, FIRST_FIXED)).as("Reactor Netty %s", version).isGreaterThanOrEqualTo(0);
    }

    /** The OSGi bundle version in the manifest of the jar the class came from, e.g. 1.2.18.RELEASE. */
    private static String bundleVersionOf(Class<?> type) throws IOException, URISyntaxException {
        URL jar = type.getProtectionDomain().getCodeSource().getLocation();
        try (JarFile file = new JarFile(Path.of(jar.toURI()).toFile())) {
            Manifest manifest = file.getManifest();
            String version = manifest.getMainAttributes().getValue("Bundle-Version");
            assertThat(version).as("Bundle-Version of %s", jar).isNotBlank();
            return version;
        }
    }

    private static int compare(String version, int[] other) {
        String[] parts = version.split("\\.");
        for (int i = 0; i < other.length; i++) {
            int part = Integer.parseInt(parts[i]);
            if (part != other[i]) {
                return Integer.compare(part, other[i]);
            }
        }
        return 0;
    }
}
