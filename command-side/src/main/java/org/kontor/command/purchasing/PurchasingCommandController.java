package org.kontor.command.purchasing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.kontor.command.purchasing.PurchasingCommands.BillPurchaseOrder;
import org.kontor.command.purchasing.PurchasingCommands.CancelPurchaseOrder;
import org.kontor.command.purchasing.PurchasingCommands.PayBill;
import org.kontor.command.purchasing.PurchasingCommands.PlacePurchaseOrder;
import org.kontor.command.purchasing.PurchasingCommands.ReceiveGoods;
import org.kontor.command.purchasing.PurchasingCommands.RegisterSupplier;
import org.kontor.command.purchasing.PurchasingRequests.BillJson;
import org.kontor.command.purchasing.PurchasingRequests.CancelJson;
import org.kontor.command.purchasing.PurchasingRequests.OrderJson;
import org.kontor.command.purchasing.PurchasingRequests.PaymentJson;
import org.kontor.command.purchasing.PurchasingRequests.ReceiveJson;
import org.kontor.command.purchasing.PurchasingRequests.SupplierJson;
import org.kontor.config.http.CommandDispatcher;
import org.kontor.config.http.CommandOutcome.IdAndVersion;
import org.kontor.config.http.CommandResponses;
import org.kontor.config.http.InvalidRequestException.FieldProblem;
import org.kontor.config.http.RequestFields;
import org.kontor.config.http.Versions;
import org.kontor.events.purchasing.BillEvent;
import org.kontor.events.purchasing.PurchaseOrderEvent;
import org.kontor.events.purchasing.PurchaseOrderEvent.OrderQuantity;
import org.kontor.events.purchasing.PurchaseOrderEvent.OrderedLine;
import org.kontor.events.purchasing.SupplierEvent;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Purchasing over HTTP (API.md, purchasing rows; docs/api.md "Purchasing"). */
@RestController
@RequestMapping(path = "/api", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"},
        produces = MediaType.APPLICATION_JSON_VALUE)
class PurchasingCommandController {

    private final CommandDispatcher commands;
    private final PurchasingCurrency currency;

    PurchasingCommandController(CommandDispatcher commands, PurchasingCurrency currency) {
        this.commands = commands;
        this.currency = currency;
    }

    @PostMapping("/suppliers")
    Mono<ResponseEntity<IdAndVersion>> registerSupplier(@RequestBody SupplierJson body, ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        String supplierId = RequestFields.idOrNew(body.id(), problems);
        String name = RequestFields.requiredText("name", body.name(), PurchasingRequests.MAX_NAME, problems);
        String email = PurchasingRequests.email(body.email(), problems);
        int paymentTermDays = PurchasingRequests.paymentTermDays(body.paymentTermDays(), problems);
        RequestFields.throwIfAny(problems);
        return commands.send(exchange, new RegisterSupplier(SupplierEvent.aggregateId(supplierId), supplierId, name,
                        email, paymentTermDays))
                .map(outcome -> CommandResponses.created(outcome, URI.create("/api/suppliers/" + supplierId)));
    }

    @PostMapping("/purchase-orders")
    Mono<ResponseEntity<IdAndVersion>> place(@RequestBody OrderJson body, ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        String orderId = RequestFields.idOrNew(body.id(), problems);
        String supplierId = RequestFields.uuid("supplierId", body.supplierId(), problems);
        String orderCurrency = PurchasingRequests.currency(body.currency(), problems);
        List<OrderedLine> lines = PurchasingRequests.orderLines(body.lines(), orderCurrency, problems);
        RequestFields.throwIfAny(problems);
        return commands.send(exchange, new PlacePurchaseOrder(PurchaseOrderEvent.aggregateId(orderId), orderId,
                        supplierId, orderCurrency, lines))
                .map(outcome -> CommandResponses.created(outcome, URI.create("/api/purchase-orders/" + orderId)));
    }

    /** 201: the receipt is new; its id is the stock movement's, its version the order's. */
    @PostMapping("/purchase-orders/{orderId}/receive")
    Mono<ResponseEntity<IdAndVersion>> receive(@PathVariable String orderId, @RequestBody ReceiveJson body,
                                               ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        PurchasingRequests.pathId("orderId", orderId, problems);
        String warehouseId = RequestFields.uuid("warehouseId", body.warehouseId(), problems);
        PurchasingRequests.requiredDate("date", body.date(), problems);
        List<OrderQuantity> lines = PurchasingRequests.receiptLines(body.lines(), problems);
        RequestFields.throwIfAny(problems);
        return commands.send(exchange, new ReceiveGoods(PurchaseOrderEvent.aggregateId(orderId), warehouseId,
                        body.date(), lines, Versions.expectedAggregateVersion(exchange)))
                .map(outcome -> CommandResponses.created(outcome,
                        URI.create("/api/stock/movements/" + outcome.id())));
    }

    @PostMapping("/purchase-orders/{orderId}/cancel")
    Mono<ResponseEntity<IdAndVersion>> cancel(@PathVariable String orderId, @RequestBody CancelJson body,
                                              ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        PurchasingRequests.pathId("orderId", orderId, problems);
        String reason = RequestFields.requiredText("reason", body.reason(), PurchasingRequests.MAX_REASON, problems);
        RequestFields.throwIfAny(problems);
        return commands.send(exchange, new CancelPurchaseOrder(PurchaseOrderEvent.aggregateId(orderId), reason,
                Versions.expectedAggregateVersion(exchange))).map(CommandResponses::accepted);
    }

    @PostMapping("/purchase-orders/{orderId}/bill")
    Mono<ResponseEntity<IdAndVersion>> bill(@PathVariable String orderId, @RequestBody BillJson body,
                                            ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        PurchasingRequests.pathId("orderId", orderId, problems);
        String billId = body.billId() == null ? UUID.randomUUID().toString()
                : RequestFields.uuid("billId", body.billId(), problems);
        PurchasingRequests.requiredDate("date", body.date(), problems);
        if (body.date() != null && body.dueDate() != null && body.dueDate().isBefore(body.date())) {
            problems.add(new FieldProblem("dueDate", "must not be before the bill's date"));
        }
        RequestFields.throwIfAny(problems);
        return commands.send(exchange, new BillPurchaseOrder(orderId, billId, body.date(), body.dueDate(),
                        Versions.expectedAggregateVersion(exchange)))
                .map(outcome -> CommandResponses.created(outcome, URI.create("/api/bills/" + billId)));
    }

    /** 201 for a new payment (its id in the body, the bill's version as ETag), 200 for a repeat. */
    @PostMapping("/bills/{billId}/payments")
    Mono<ResponseEntity<IdAndVersion>> pay(@PathVariable String billId, @RequestBody PaymentJson body,
                                           ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        PurchasingRequests.pathId("billId", billId, problems);
        String paymentId = RequestFields.idOrNew(body.id(), problems);
        long amountMinor = PurchasingRequests.paymentMinor(body.amount(), currency.code(), problems);
        PurchasingRequests.requiredDate("date", body.date(), problems);
        String method = PurchasingRequests.method(body.method(), problems);
        RequestFields.throwIfAny(problems);
        return commands.send(exchange, new PayBill(BillEvent.aggregateId(billId), paymentId, amountMinor, body.date(),
                        method, Versions.expectedAggregateVersion(exchange)))
                .map(outcome -> CommandResponses.created(outcome, URI.create("/api/bills/" + billId)));
    }
}
