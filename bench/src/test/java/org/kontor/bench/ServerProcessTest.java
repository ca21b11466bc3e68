package org.kontor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerProcessTest {

    @TempDir
    Path directory;

    @Test
    void peakResident_isTheHighWaterMarkOfTheProcessStatus() throws Exception {
        Path status = Files.writeString(directory.resolve("status"), """
                Name:	java
                VmPeak:	 9012345 kB
                VmHWM:	 1153024 kB
                VmRSS:	  987654 kB
                """);

        assertThat(ServerProcess.peakResidentBytes(status)).hasValue(1_153_024L * 1024);
    }

    @Test
    void aStartedServer_getsTwiceItsHeapAsDirectMemory() {
        assertThat(ServerProcess.jvmOptions("1g")).contains("-Xmx1g", "-XX:MaxDirectMemorySize=2g");
        assertThat(ServerProcess.twice("512m")).isEqualTo("1024m");
        assertThat(ServerProcess.twice("1073741824")).isEqualTo("2147483648");
    }

    @Test
    void peakResident_unknownWithoutTheStatusFile() {
        assertThat(ServerProcess.peakResidentBytes(directory.resolve("missing"))).isEmpty();
    }
}
