package org.kontor.command.ledger;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.kontor.command.ledger.LedgerCommands.ClosePeriod;
import org.kontor.command.ledger.LedgerCommands.OpenAccount;
import org.kontor.command.ledger.LedgerCommands.PostJournalEntry;
import org.kontor.command.ledger.LedgerCommands.ReopenPeriod;
import org.kontor.command.ledger.LedgerCommands.ReverseJournalEntry;
import org.kontor.command.ledger.LedgerRequests.AccountJson;
import org.kontor.command.ledger.LedgerRequests.JournalEntryJson;
import org.kontor.command.ledger.LedgerRequests.ReopenJson;
import org.kontor.command.ledger.LedgerRequests.ReversalJson;
import org.axonframework.commandhandling.CommandExecutionException;
import org.kontor.config.error.CommonRule;
import org.kontor.config.error.RuleViolationDetails;
import org.kontor.config.http.CommandDispatcher;
import org.kontor.config.http.CommandOutcome;
import org.kontor.config.http.CommandOutcome.IdAndVersion;
import org.kontor.config.http.CommandResponses;
import org.kontor.config.http.InvalidRequestException;
import org.kontor.config.http.InvalidRequestException.FieldProblem;
import org.kontor.config.http.Versions;
import org.kontor.events.ledger.JournalLine;
import org.kontor.events.ledger.LedgerAccountEvent;
import org.kontor.events.ledger.LedgerPeriodEvent;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The ledger commands over HTTP (API.md, Ledger rows). */
@RestController
@RequestMapping(path = "/api/ledger", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"},
        produces = MediaType.APPLICATION_JSON_VALUE)
class LedgerCommandController {

    private final CommandDispatcher commands;

    LedgerCommandController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping("/accounts")
    Mono<ResponseEntity<IdAndVersion>> openAccount(@RequestBody AccountJson body, ServerWebExchange exchange) {
        LedgerRequests.checkAccount(body);
        OpenAccount command = new OpenAccount(LedgerAccountEvent.accountId(body.code()), body.code(),
                body.name().trim(), body.type(), body.parentCode());
        return commands.send(exchange, command)
                .map(outcome -> CommandResponses.created(outcome, URI.create("/api/ledger/accounts/" + body.code())));
    }

    /** Opens the default chart; accounts it has already are left as they are. */
    @PostMapping(path = "/accounts/defaults", consumes = MediaType.ALL_VALUE)
    Mono<DefaultChartLoaded> loadDefaultChart(ServerWebExchange exchange) {
        return Flux.fromIterable(DefaultChart.ACCOUNTS)
                .concatMap(account -> commands.send(exchange, new OpenAccount(
                        LedgerAccountEvent.accountId(account.code()), account.code(), account.name(),
                        account.type(), null))
                        // A code the company already uses for another account stays as it is.
                        .onErrorResume(LedgerCommandController::isAlreadyExists, taken -> Mono.empty()))
                .filter(CommandOutcome::created)
                .count()
                .map(created -> new DefaultChartLoaded(DefaultChart.ACCOUNTS.size(), created));
    }

    /** How many accounts the default chart has and how many of them this request opened. */
    record DefaultChartLoaded(int accounts, long opened) {
    }

    @PostMapping("/journal-entries")
    Mono<ResponseEntity<IdAndVersion>> post(@RequestBody JournalEntryJson body, ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        String entryId = idOrNew(body.id(), problems);
        LedgerRequests.checkEntryHeader(body, problems);
        List<JournalLine> lines = LedgerRequests.lines(body, problems);
        LedgerRequests.throwIfAny(problems);
        PostJournalEntry command = new PostJournalEntry(entryId, body.date(), body.description().trim(),
                body.currency(), body.reference(), lines);
        return commands.send(exchange, command).map(outcome ->
                CommandResponses.created(outcome, URI.create("/api/ledger/journal-entries/" + entryId)));
    }

    /** The reversal's id is derived from the entry's, so a retried reversal finds the first one. */
    @PostMapping("/journal-entries/{entryId}/reverse")
    Mono<ResponseEntity<IdAndVersion>> reverse(@PathVariable String entryId, @RequestBody ReversalJson body,
                                               ServerWebExchange exchange) {
        if (body.reason() == null || body.reason().isBlank() || body.reason().length() > LedgerRequests.MAX_TEXT) {
            throw new InvalidRequestException("reason", "is required, at most " + LedgerRequests.MAX_TEXT + " characters");
        }
        String reversalId = UUID.nameUUIDFromBytes(("reversal-of:" + entryId).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        return commands.send(exchange, new ReverseJournalEntry(entryId, reversalId, body.date(), body.reason().trim(),
                Versions.expectedAggregateVersion(exchange)))
                .map(outcome -> CommandResponses.created(outcome,
                        URI.create("/api/ledger/journal-entries/" + outcome.id())));
    }

    @PostMapping(path = "/periods/{period}/close", consumes = MediaType.ALL_VALUE)
    Mono<ResponseEntity<IdAndVersion>> close(@PathVariable String period, ServerWebExchange exchange) {
        LedgerRequests.checkPeriod(period);
        return commands.send(exchange, new ClosePeriod(LedgerPeriodEvent.periodId(period), period,
                Versions.expectedAggregateVersion(exchange)))
                .map(CommandResponses::accepted);
    }

    @PostMapping("/periods/{period}/reopen")
    Mono<ResponseEntity<IdAndVersion>> reopen(@PathVariable String period, @RequestBody ReopenJson body,
                                              ServerWebExchange exchange) {
        LedgerRequests.checkPeriod(period);
        if (body.reason() == null || body.reason().isBlank() || body.reason().length() > LedgerRequests.MAX_TEXT) {
            throw new InvalidRequestException("reason", "is required: why the closed period is opened again");
        }
        return commands.send(exchange, new ReopenPeriod(LedgerPeriodEvent.periodId(period), period,
                        body.reason().trim(), Versions.expectedAggregateVersion(exchange)))
                .map(CommandResponses::accepted);
    }

    private static boolean isAlreadyExists(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure;
        return cause instanceof CommandExecutionException remote
                && remote.getDetails().orElse(null) instanceof RuleViolationDetails details
                && CommonRule.ALREADY_EXISTS.name().equals(details.code());
    }

    private static String idOrNew(String id, List<FieldProblem> problems) {
        if (id == null) {
            return UUID.randomUUID().toString();
        }
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException notUuid) {
            problems.add(new FieldProblem("id", "must be a UUID"));
            return null;
        }
    }
}
