package org.kontor.command.sales;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.kontor.command.sales.InvoiceCommands.RecordInvoicePayment;
import org.kontor.command.sales.InvoiceRequests.PaymentJson;
import org.kontor.config.http.CommandDispatcher;
import org.kontor.config.http.CommandOutcome.IdAndVersion;
import org.kontor.config.http.CommandResponses;
import org.kontor.config.http.InvalidRequestException.FieldProblem;
import org.kontor.config.http.NotFoundException;
import org.kontor.config.http.RequestFields;
import org.kontor.config.http.Versions;
import org.kontor.events.common.Money;
import org.kontor.events.sales.PaymentMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Payments of invoices over HTTP (API.md, Sales rows; docs/api.md). Invoices are issued by their order. */
@RestController
@RequestMapping(path = "/api/invoices", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"},
        produces = MediaType.APPLICATION_JSON_VALUE)
class InvoiceCommandController {

    private static final int MAX_ID_LENGTH = 100;

    private final CommandDispatcher commands;
    private final Invoices invoices;

    InvoiceCommandController(CommandDispatcher commands, Invoices invoices) {
        this.commands = commands;
        this.invoices = invoices;
    }

    /**
     * 201 with the payment's id and the invoice's version; a repeat of the same payment 200. The
     * amount's decimals depend on the invoice's currency, so the invoice is looked up first (404).
     */
    @PostMapping("/{invoiceId}/payments")
    Mono<ResponseEntity<IdAndVersion>> pay(@PathVariable String invoiceId, @RequestBody PaymentJson body,
                                           ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        String paymentId = RequestFields.idOrNew(body.id(), problems);
        if (body.date() == null) {
            problems.add(new FieldProblem("date", "is required: a business date such as 2026-03-31"));
        }
        PaymentMethod method = InvoiceRequests.method(body.method(), problems);
        InvoiceRequests.checkAmountForm(body.amount(), problems);
        RequestFields.throwIfAny(problems);
        Long expectedVersion = Versions.expectedAggregateVersion(exchange);
        return Mono.fromCallable(() -> invoiceId.length() > MAX_ID_LENGTH ? null
                        : invoices.currencyOf(invoiceId).orElse(null))
                .subscribeOn(Schedulers.boundedElastic())
                .switchIfEmpty(Mono.error(() -> new NotFoundException("invoice", invoiceId)))
                .flatMap(currency -> {
                    Money amount = InvoiceRequests.amount(body, currency, problems);
                    RequestFields.throwIfAny(problems);
                    return commands.send(exchange, new RecordInvoicePayment(invoiceId, paymentId, amount, body.date(),
                            method, expectedVersion));
                })
                .map(outcome -> CommandResponses.created(outcome, URI.create("/api/invoices/" + invoiceId)));
    }
}
