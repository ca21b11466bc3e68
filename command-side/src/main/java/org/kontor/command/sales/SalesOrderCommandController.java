package org.kontor.command.sales;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.kontor.command.sales.SalesOrderCommands.CancelSalesOrder;
import org.kontor.command.sales.SalesOrderCommands.ConfirmSalesOrder;
import org.kontor.command.sales.SalesOrderCommands.DeliverSalesOrder;
import org.kontor.command.sales.SalesOrderCommands.DraftSalesOrder;
import org.kontor.command.sales.SalesOrderCommands.InvoiceSalesOrder;
import org.kontor.command.sales.InvoiceRequests.InvoiceJson;
import org.kontor.command.sales.SalesOrderRequests.CancelJson;
import org.kontor.command.sales.SalesOrderRequests.ConfirmJson;
import org.kontor.command.sales.SalesOrderRequests.DeliverJson;
import org.kontor.command.sales.SalesOrderRequests.OrderJson;
import org.kontor.config.http.CommandDispatcher;
import org.kontor.config.http.CommandOutcome.IdAndVersion;
import org.kontor.config.http.CommandResponses;
import org.kontor.config.http.InvalidRequestException.FieldProblem;
import org.kontor.config.http.RequestFields;
import org.kontor.config.http.Versions;
import org.kontor.events.sales.SalesOrderEvent.OrderLine;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Sales orders over HTTP (API.md, Sales rows; docs/api.md). */
@RestController
@RequestMapping(path = "/api/sales-orders", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"},
        produces = MediaType.APPLICATION_JSON_VALUE)
class SalesOrderCommandController {

    private final CommandDispatcher commands;

    SalesOrderCommandController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping
    Mono<ResponseEntity<IdAndVersion>> draft(@RequestBody OrderJson body, ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        String orderId = RequestFields.idOrNew(body.id(), problems);
        String customerId = RequestFields.uuid("customerId", body.customerId(), problems);
        String currency = SalesOrderRequests.currency(body.currency(), problems);
        List<OrderLine> lines = SalesOrderRequests.lines(body.lines(), currency, problems);
        RequestFields.throwIfAny(problems);
        return commands.send(exchange, new DraftSalesOrder(orderId, customerId, currency, lines))
                .map(outcome -> CommandResponses.created(outcome, URI.create("/api/sales-orders/" + orderId)));
    }

    @PostMapping("/{orderId}/confirm")
    Mono<ResponseEntity<IdAndVersion>> confirm(@PathVariable String orderId, @RequestBody ConfirmJson body,
                                               ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        String warehouseId = RequestFields.uuid("warehouseId", body.warehouseId(), problems);
        RequestFields.throwIfAny(problems);
        return commands.send(exchange, new ConfirmSalesOrder(orderId, warehouseId,
                Versions.expectedAggregateVersion(exchange))).map(CommandResponses::accepted);
    }

    @PostMapping("/{orderId}/deliver")
    Mono<ResponseEntity<IdAndVersion>> deliver(@PathVariable String orderId, @RequestBody DeliverJson body,
                                               ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        if (body.date() == null) {
            problems.add(new FieldProblem("date", "is required: a business date such as 2026-03-31"));
        }
        RequestFields.throwIfAny(problems);
        return commands.send(exchange, new DeliverSalesOrder(orderId, body.date(),
                Versions.expectedAggregateVersion(exchange))).map(CommandResponses::accepted);
    }

    /** 201 with the invoice's id and version, {@code Location} the invoice; a repeat 200. */
    @PostMapping("/{orderId}/invoice")
    Mono<ResponseEntity<IdAndVersion>> invoice(@PathVariable String orderId, @RequestBody InvoiceJson body,
                                               ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        String invoiceId = InvoiceRequests.invoiceId(orderId, body.invoiceId(), problems);
        InvoiceRequests.checkDates(body, problems);
        RequestFields.throwIfAny(problems);
        return commands.send(exchange, new InvoiceSalesOrder(orderId, invoiceId, body.date(), body.dueDate(),
                        Versions.expectedAggregateVersion(exchange)))
                .map(outcome -> CommandResponses.created(outcome, URI.create("/api/invoices/" + invoiceId)));
    }

    @PostMapping("/{orderId}/cancel")
    Mono<ResponseEntity<IdAndVersion>> cancel(@PathVariable String orderId, @RequestBody CancelJson body,
                                              ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        String reason = SalesOrderRequests.requiredText("reason", body.reason(), problems);
        RequestFields.throwIfAny(problems);
        return commands.send(exchange, new CancelSalesOrder(orderId, reason,
                Versions.expectedAggregateVersion(exchange))).map(CommandResponses::accepted);
    }
}
