package org.kontor.server.http;

import java.nio.file.Path;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A server of the test class's own, on a fresh data directory, stopped after the class. For tests
 * that close periods: the books close in order, like a lock date, so a close in a shared ledger
 * would close every earlier month for every other test.
 */
@DirtiesContext
abstract class OwnBooksHttpTest extends HttpTest {

    /** Called once for each server Spring starts, so each class gets a directory of its own. */
    @DynamicPropertySource
    static void ownStorage(DynamicPropertyRegistry registry) {
        Path directory = createDataDirectory();
        registry.add("erp.data-dir", directory::toString);
    }
}
