package org.kontor.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonOptionsTest {

    @TempDir
    Path store;

    @Test
    void twoJarsAndAStore_defaultsForTheRest() {
        ComparisonOptions options = ComparisonOptions.parse(new String[] {"--jars", "a.jar,b.jar", "--store", store.toString()});

        assertThat(options.jars()).containsExactly(Path.of("a.jar"), Path.of("b.jar"));
        assertThat(options.store()).isEqualTo(store);
        assertThat(options.rounds()).isEqualTo(5);
        assertThat(options.serverHeap()).isEqualTo("1g");
        assertThat(options.out()).isEqualTo(Path.of("compare-out"));
    }

    @Test
    void wrongCommandLines_refusedWithTheReason() {
        String dir = store.toString();
        assertThatThrownBy(() -> ComparisonOptions.parse(new String[] {"--jars", "a.jar", "--store", dir}))
                .hasMessageContaining("two jars");
        assertThatThrownBy(() -> ComparisonOptions.parse(new String[] {"--jars", "a.jar,b.jar", "--store",
                store.resolve("missing").toString()})).hasMessageContaining("data directory");
        assertThatThrownBy(() -> ComparisonOptions.parse(new String[] {"--jars", "a.jar,b.jar", "--store", dir,
                "--rounds", "0"})).hasMessageContaining("--rounds");
        assertThatThrownBy(() -> ComparisonOptions.parse(new String[] {"--jars", "a.jar,b.jar", "--store", dir,
                "--rounds", "many"})).hasMessageContaining("whole number");
        assertThatThrownBy(() -> ComparisonOptions.parse(new String[] {"--jars", "a.jar,b.jar", "--store", dir,
                "--clients", "3"})).hasMessageContaining("unexpected argument --clients");
        assertThatThrownBy(() -> ComparisonOptions.parse(new String[] {"--jars"})).hasMessageContaining("needs a value");
    }
}
