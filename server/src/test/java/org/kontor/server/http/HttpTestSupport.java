package org.kontor.server.http;

import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One server on a fresh data directory, shared by the HTTP tests (Spring caches the context). Tests
 * here share one ledger, so none of them closes a period: a close would close every earlier month
 * for the others too. Tests that close periods extend {@link OwnBooksHttpTest}.
 */
abstract class HttpTestSupport extends HttpTest {

    private static final Path DATA_DIRECTORY = createDataDirectory();

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("erp.data-dir", DATA_DIRECTORY::toString);
    }
}
