package org.kontor.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.kontor.config.security.AccessMatrix;
import org.kontor.events.people.Role;

/** docs/security.md shows the access matrix the code enforces, row for row, so it cannot drift. */
class SecurityDocumentationTest {

    private static final String BEGIN = "<!-- access-matrix:begin -->";
    private static final String END = "<!-- access-matrix:end -->";

    @Test
    void documentedMatrix_isTheEnforcedOne() throws IOException {
        Path document = Path.of("..", "docs", "security.md");
        String text = Files.readString(document);
        assertThat(text).contains(BEGIN).contains(END);
        String documented = text.substring(text.indexOf(BEGIN) + BEGIN.length(), text.indexOf(END)).trim();

        assertThat(documented)
                .as("paste this table between the markers in docs/security.md")
                .isEqualTo(table());
    }

    static String table() {
        List<String> rows = AccessMatrix.RULES.stream()
                .map(rule -> "| " + (rule.method() == null ? "any" : rule.method().name()) + " | `"
                        + rule.pathPattern() + "` | " + Arrays.stream(Role.values())
                        .filter(rule.roles()::contains)
                        .map(Role::name)
                        .collect(Collectors.joining(", ")) + " |")
                .toList();
        return "| method | path | roles |\n| --- | --- | --- |\n" + String.join("\n", rows);
    }
}
