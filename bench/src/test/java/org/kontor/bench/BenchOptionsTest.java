package org.kontor.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchOptionsTest {

    @Test
    void startServerWithDefaults_defaultsFromTheIssue() {
        BenchOptions options = BenchOptions.parse(new String[] {"--start-server", "server.jar"}, Map.of());

        assertThat(options.startsServer()).isTrue();
        assertThat(options.serverJar()).isEqualTo(Path.of("server.jar"));
        assertThat(options.clients()).isEqualTo(16);
        assertThat(options.lines()).containsExactly(10_000L, 1_000_000L);
        assertThat(options.timelineInteractions()).isEqualTo(10_000);
        assertThat(options.serverHeap()).isEqualTo("1g");
        assertThat(options.password()).isNull();
        assertThat(options.replayEvents()).isEqualTo(1_000_000);
    }

    @Test
    void replayEvents_zeroTurnsTheTopUpOffAndTheReportShowsIt() {
        BenchOptions options = BenchOptions.parse(new String[] {"--start-server", "server.jar", "--replay-events=0"},
                Map.of());

        assertThat(options.replayEvents()).isZero();
        assertThat(options.forReport()).containsEntry("replayEvents", 0);
        assertThat(BenchOptions.parse(new String[] {"--start-server", "j", "--replay-events", "1200000"}, Map.of())
                .replayEvents()).isEqualTo(1_200_000);
        assertThat(BenchOptions.USAGE).contains("--replay-events N");
    }

    @Test
    void bothSpellings_parsedAndSizesSorted() {
        BenchOptions options = BenchOptions.parse(new String[] {"--server=http://localhost:8080", "--password",
                "long-enough-pw", "--clients", "4", "--lines=200_000,10000", "--out", "/tmp/x"}, Map.of());

        assertThat(options.serverUrl()).isEqualTo("http://localhost:8080");
        assertThat(options.clients()).isEqualTo(4);
        assertThat(options.lines()).isEqualTo(List.of(10_000L, 200_000L));
        assertThat(options.out()).isEqualTo(Path.of("/tmp/x"));
    }

    @Test
    void serverJavaOptions_splitOnSpacesAndShownInTheReport() {
        BenchOptions options = BenchOptions.parse(new String[] {"--start-server", "server.jar",
                "--server-java-options", " -XX:StartFlightRecording=filename=/tmp/jfr/  -XX:+UseParallelGC "}, Map.of());

        assertThat(options.serverJavaOptions())
                .containsExactly("-XX:StartFlightRecording=filename=/tmp/jfr/", "-XX:+UseParallelGC");
        assertThat(options.forReport())
                .containsEntry("serverJavaOptions", "-XX:StartFlightRecording=filename=/tmp/jfr/ -XX:+UseParallelGC");
        assertThat(BenchOptions.parse(new String[] {"--start-server", "server.jar"}, Map.of()).serverJavaOptions())
                .isEmpty();
    }

    @Test
    void serverWithoutPassword_takesTheEnvironmentVariable() {
        BenchOptions options = BenchOptions.parse(new String[] {"--server", "http://h:1"},
                Map.of("ERP_ADMIN_PASSWORD", "from-the-environment"));

        assertThat(options.password()).isEqualTo("from-the-environment");
        assertThat(options.forReport()).doesNotContainValue("from-the-environment");
    }

    @Test
    void wrongCommandLines_refusedWithTheReason() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {}, Map.of()))
                .hasMessageContaining("exactly one of --server and --start-server");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--server", "http://h:1"}, Map.of()))
                .hasMessageContaining("--password");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--start-server", "j", "--clientz", "3"}, Map.of()))
                .hasMessageContaining("unknown option --clientz");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--start-server", "j", "--clients", "x"}, Map.of()))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--start-server", "j", "--clients", "0"}, Map.of()))
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--start-server", "j", "--replay-events", "-1"},
                Map.of())).hasMessageContaining("--replay-events must be at least 0");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--start-server", "j", "--replay-events", "1e6"},
                Map.of())).hasMessageContaining("--replay-events must be a whole number");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--start-server"}, Map.of()))
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--server", "http://h:1", "--password", "pw",
                "--server-java-options", "-Xss1m"}, Map.of()))
                .hasMessageContaining("only applies to --start-server");
    }

    @Test
    void keepData_onlyForAStartedServer_andOnlyToANewPath(@TempDir Path directory) throws IOException {
        Path kept = directory.resolve("store1m");
        assertThat(BenchOptions.parse(new String[] {"--start-server", "j", "--keep-data", kept.toString()},
                Map.of()).keepData()).isEqualTo(kept);
        assertThat(BenchOptions.parse(new String[] {"--start-server", "j"}, Map.of()).keepData()).isNull();

        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--server", "http://h:1", "--password", "pw",
                "--keep-data", kept.toString()}, Map.of()))
                .hasMessageContaining("--keep-data only applies to --start-server");
        Files.createDirectory(kept);
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--start-server", "j", "--keep-data",
                kept.toString()}, Map.of()))
                .hasMessageContaining("already exists");
    }
}
