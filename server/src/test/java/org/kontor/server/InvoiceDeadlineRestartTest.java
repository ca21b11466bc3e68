package org.kontor.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An invoice's due deadline is a row in the database: an invoice issued past due by a server that
 * never polls for deadlines in its lifetime (its polling interval is an hour) becomes overdue
 * after the restart, raised by the new process.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class InvoiceDeadlineRestartTest {

    private static final Duration MAX_WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dataDirectory;

    @Test
    void invoiceIssuedPastDueBeforeARestart_overdueAfterIt() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String invoiceId = UUID.randomUUID().toString();
        try (ConfigurableApplicationContext first = RestartedServers.start(dataDirectory, Duration.ofHours(1))) {
            WebTestClient http = RestartedServers.clientOf(first);
            String orderId = deliveredOrder(http, today.minusDays(10));
            RestartedServers.post(http, "/api/sales-orders/" + orderId + "/invoice", """
                    {"invoiceId": "%s", "date": "%s", "dueDate": "%s"}
                    """.formatted(invoiceId, today.minusDays(10), today.minusDays(1))).expectStatus().isCreated();
            assertThat(invoice(http, invoiceId).get("status").asText()).isEqualTo("OPEN");
        }

        try (ConfigurableApplicationContext second = RestartedServers.start(dataDirectory, Duration.ofMillis(500))) {
            WebTestClient http = RestartedServers.clientOf(second);
            JsonNode invoice = invoice(http, invoiceId);
            Instant giveUp = Instant.now().plus(MAX_WAIT);
            while (!"OVERDUE".equals(invoice.get("status").asText()) && Instant.now().isBefore(giveUp)) {
                Thread.sleep(250);
                invoice = invoice(http, invoiceId);
            }
            assertThat(invoice.get("status").asText()).isEqualTo("OVERDUE");
        }
    }

    /** A customer's order of one product, delivered from a fresh warehouse on {@code date}. */
    private static String deliveredOrder(WebTestClient http, LocalDate date) throws InterruptedException {
        String customerId = UUID.randomUUID().toString();
        String warehouseId = UUID.randomUUID().toString();
        String orderId = UUID.randomUUID().toString();
        RestartedServers.post(http, "/api/customers", "{\"id\": \"%s\", \"name\": \"Restart KG\", \"kind\": \"COMPANY\"}"
                .formatted(customerId)).expectStatus().isCreated();
        RestartedServers.post(http, "/api/warehouses", "{\"id\": \"%s\", \"code\": \"RST\", \"name\": \"Restart\"}"
                .formatted(warehouseId)).expectStatus().isCreated();
        RestartedServers.post(http, "/api/products", """
                {"sku": "RST-1", "name": "Restart part", "uom": "piece", "costMethod": "FIFO"}
                """).expectStatus().isCreated();
        RestartedServers.post(http, "/api/stock/receipts", """
                {"warehouseId": "%s", "date": "%s",
                 "lines": [{"sku": "RST-1", "qty": 5, "unitCost": {"amount": "1.00", "currency": "EUR"}}]}
                """.formatted(warehouseId, date.minusDays(1))).expectStatus().isCreated();
        RestartedServers.post(http, "/api/sales-orders", """
                {"id": "%s", "customerId": "%s", "currency": "EUR",
                 "lines": [{"sku": "RST-1", "qty": 1, "unitPrice": "10.00", "taxRate": 19}]}
                """.formatted(orderId, customerId)).expectStatus().isCreated();
        RestartedServers.post(http, "/api/sales-orders/" + orderId + "/confirm",
                "{\"warehouseId\": \"" + warehouseId + "\"}").expectStatus().isOk();
        Instant giveUp = Instant.now().plus(MAX_WAIT);
        while (!"RESERVED".equals(RestartedServers.get(http, "/api/sales-orders/" + orderId + "?consistent=true")
                .get("status").asText()) && Instant.now().isBefore(giveUp)) {
            Thread.sleep(100);
        }
        RestartedServers.post(http, "/api/sales-orders/" + orderId + "/deliver", "{\"date\": \"" + date + "\"}")
                .expectStatus().isOk();
        return orderId;
    }

    private static JsonNode invoice(WebTestClient http, String invoiceId) {
        return RestartedServers.get(http, "/api/invoices/" + invoiceId + "?consistent=true");
    }
}
