package org.kontor.command.inventory;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.kontor.command.inventory.InventoryCommands.AdjustStock;
import org.kontor.command.inventory.InventoryCommands.IssueReservedStock;
import org.kontor.command.inventory.InventoryCommands.IssueStock;
import org.kontor.command.inventory.InventoryCommands.OpenWarehouse;
import org.kontor.command.inventory.InventoryCommands.ReceiveStock;
import org.kontor.command.inventory.InventoryCommands.RegisterProduct;
import org.kontor.command.inventory.InventoryCommands.ReleaseStockReservation;
import org.kontor.command.inventory.InventoryCommands.ReserveStock;
import org.kontor.command.inventory.InventoryCommands.TransferStock;
import org.kontor.command.inventory.InventoryRequests.AdjustmentJson;
import org.kontor.command.inventory.InventoryRequests.IssueJson;
import org.kontor.command.inventory.InventoryRequests.ProductJson;
import org.kontor.command.inventory.InventoryRequests.ReceiptJson;
import org.kontor.command.inventory.InventoryRequests.ReceiptLineJson;
import org.kontor.command.inventory.InventoryRequests.ReservationJson;
import org.kontor.command.inventory.InventoryRequests.ReservationStockJson;
import org.kontor.command.inventory.InventoryRequests.TransferJson;
import org.kontor.command.inventory.InventoryRequests.WarehouseJson;
import org.kontor.config.http.CommandDispatcher;
import org.kontor.config.http.CommandOutcome.IdAndVersion;
import org.kontor.config.http.CommandResponses;
import org.kontor.config.http.InvalidRequestException.FieldProblem;
import org.kontor.config.http.RequestFields;
import org.kontor.events.common.Money;
import org.kontor.events.inventory.ProductEvent;
import org.kontor.events.inventory.WarehouseEvent;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The inventory commands over HTTP (API.md, Inventory rows, and the reservation commands). */
@RestController
@RequestMapping(path = "/api", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"},
        produces = MediaType.APPLICATION_JSON_VALUE)
class InventoryCommandController {

    private final CommandDispatcher commands;

    InventoryCommandController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping("/products")
    Mono<ResponseEntity<IdAndVersion>> registerProduct(@RequestBody ProductJson body, ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        String productId = body.id() == null ? null : RequestFields.idOrNew(body.id(), problems);
        String sku = InventoryRequests.sku("sku", body.sku(), problems);
        String name = RequestFields.requiredText("name", body.name(), 200, problems);
        String uom = RequestFields.requiredText("uom", body.uom(), 20, problems);
        if (body.costMethod() == null) {
            problems.add(new FieldProblem("costMethod", "is required: AVERAGE or FIFO"));
        }
        Money salesPrice = InventoryRequests.salesPrice(body.salesPrice(), problems);
        RequestFields.throwIfAny(problems);
        RegisterProduct command = new RegisterProduct(ProductEvent.aggregateId(sku), sku, productId,
                UUID.randomUUID().toString(), name, uom, body.costMethod(), salesPrice);
        return commands.send(exchange, command)
                .map(outcome -> CommandResponses.created(outcome, URI.create("/api/products/" + outcome.id())));
    }

    @PostMapping("/warehouses")
    Mono<ResponseEntity<IdAndVersion>> openWarehouse(@RequestBody WarehouseJson body, ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        String warehouseId = RequestFields.idOrNew(body.id(), problems);
        String code = RequestFields.requiredText("code", body.code(), 20, problems);
        String name = RequestFields.requiredText("name", body.name(), 200, problems);
        RequestFields.throwIfAny(problems);
        return commands.send(exchange, new OpenWarehouse(WarehouseEvent.aggregateId(warehouseId), warehouseId, code,
                        name))
                .map(outcome -> CommandResponses.created(outcome, URI.create("/api/warehouses/" + warehouseId)));
    }

    @PostMapping("/stock/receipts")
    Mono<ResponseEntity<IdAndVersion>> receive(@RequestBody ReceiptJson body, ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        String movementId = RequestFields.idOrNew(body.id(), problems);
        String warehouseId = InventoryRequests.warehouseId("warehouseId", body.warehouseId(), problems);
        InventoryRequests.date(body.date(), problems);
        var lines = InventoryRequests.receiptLines(body.lines(), problems);
        String currency = InventoryRequests.currencyOf(body.lines());
        requireOneCurrency(body.lines(), currency, problems);
        RequestFields.throwIfAny(problems);
        return movement(exchange, new ReceiveStock(movementId, warehouseId, body.date(), currency, lines));
    }

    @PostMapping("/stock/issues")
    Mono<ResponseEntity<IdAndVersion>> issue(@RequestBody IssueJson body, ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        String movementId = RequestFields.idOrNew(body.id(), problems);
        String warehouseId = InventoryRequests.warehouseId("warehouseId", body.warehouseId(), problems);
        InventoryRequests.date(body.date(), problems);
        String reason = RequestFields.requiredText("reason", body.reason(), InventoryRequests.MAX_TEXT, problems);
        var lines = InventoryRequests.lines(body.lines(), problems);
        RequestFields.throwIfAny(problems);
        return movement(exchange, new IssueStock(movementId, warehouseId, body.date(), reason, lines));
    }

    @PostMapping("/stock/transfers")
    Mono<ResponseEntity<IdAndVersion>> transfer(@RequestBody TransferJson body, ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        String movementId = RequestFields.idOrNew(body.id(), problems);
        String from = InventoryRequests.warehouseId("fromWarehouseId", body.fromWarehouseId(), problems);
        String to = InventoryRequests.warehouseId("toWarehouseId", body.toWarehouseId(), problems);
        if (from != null && from.equals(to)) {
            problems.add(new FieldProblem("toWarehouseId", "must be another warehouse than fromWarehouseId"));
        }
        InventoryRequests.date(body.date(), problems);
        var lines = InventoryRequests.lines(body.lines(), problems);
        RequestFields.throwIfAny(problems);
        return movement(exchange, new TransferStock(movementId, from, to, body.date(), lines));
    }

    @PostMapping("/stock/adjustments")
    Mono<ResponseEntity<IdAndVersion>> adjust(@RequestBody AdjustmentJson body, ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        String movementId = RequestFields.idOrNew(body.id(), problems);
        String warehouseId = InventoryRequests.warehouseId("warehouseId", body.warehouseId(), problems);
        String sku = InventoryRequests.sku("sku", body.sku(), problems);
        long counted = InventoryRequests.quantity("countedQty", body.countedQty(), 0, problems);
        InventoryRequests.date(body.date(), problems);
        String reason = RequestFields.requiredText("reason", body.reason(), InventoryRequests.MAX_TEXT, problems);
        RequestFields.throwIfAny(problems);
        return movement(exchange, new AdjustStock(movementId, warehouseId, sku, counted, body.date(), reason));
    }

    @PostMapping("/stock/reservations")
    Mono<ResponseEntity<IdAndVersion>> reserve(@RequestBody ReservationJson body, ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        String reservationId = RequestFields.idOrNew(body.id(), problems);
        String warehouseId = InventoryRequests.warehouseId("warehouseId", body.warehouseId(), problems);
        String sku = InventoryRequests.sku("sku", body.sku(), problems);
        long quantity = InventoryRequests.quantity("qty", body.qty(), 1, problems);
        RequestFields.throwIfAny(problems);
        return commands.send(exchange, new ReserveStock(reservationId, warehouseId, sku, quantity))
                .map(outcome -> CommandResponses.created(outcome,
                        URI.create("/api/stock/reservations/" + reservationId)));
    }

    @PostMapping("/stock/reservations/{reservationId}/release")
    Mono<ResponseEntity<IdAndVersion>> release(@PathVariable String reservationId,
                                               @RequestBody ReservationStockJson body, ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        String id = InventoryRequests.warehouseId("reservationId", reservationId, problems);
        String warehouseId = InventoryRequests.warehouseId("warehouseId", body.warehouseId(), problems);
        String sku = InventoryRequests.sku("sku", body.sku(), problems);
        RequestFields.throwIfAny(problems);
        return commands.send(exchange, new ReleaseStockReservation(id, warehouseId, sku))
                .map(CommandResponses::accepted);
    }

    /** The issue's movement id is derived from the reservation's, so a retried issue finds the first one. */
    @PostMapping("/stock/reservations/{reservationId}/issue")
    Mono<ResponseEntity<IdAndVersion>> issueReserved(@PathVariable String reservationId,
                                                     @RequestBody ReservationStockJson body,
                                                     ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        String id = InventoryRequests.warehouseId("reservationId", reservationId, problems);
        String warehouseId = InventoryRequests.warehouseId("warehouseId", body.warehouseId(), problems);
        String sku = InventoryRequests.sku("sku", body.sku(), problems);
        InventoryRequests.date(body.date(), problems);
        String reason = RequestFields.optionalText("reason", body.reason(), InventoryRequests.MAX_TEXT, problems);
        RequestFields.throwIfAny(problems);
        String movementId = UUID.nameUUIDFromBytes(("issue-of-reservation:" + id).getBytes(StandardCharsets.UTF_8))
                .toString();
        return movement(exchange, new IssueReservedStock(id, warehouseId, sku, movementId, body.date(),
                Objects.requireNonNullElse(reason, "Reservation " + id)));
    }

    private Mono<ResponseEntity<IdAndVersion>> movement(ServerWebExchange exchange, Object command) {
        return commands.send(exchange, command).map(outcome -> CommandResponses.created(outcome,
                URI.create("/api/stock/movements/" + outcome.id())));
    }

    private static void requireOneCurrency(List<ReceiptLineJson> lines, String currency, List<FieldProblem> problems) {
        if (lines == null) {
            return;
        }
        for (int index = 0; index < lines.size(); index++) {
            ReceiptLineJson line = lines.get(index);
            if (line != null && line.unitCost() != null && !Objects.equals(currency, line.unitCost().currency())) {
                problems.add(new FieldProblem("lines[" + index + "].unitCost.currency",
                        "must be the currency of the other lines"));
            }
        }
    }
}
