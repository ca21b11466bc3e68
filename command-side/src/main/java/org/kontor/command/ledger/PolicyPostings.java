package org.kontor.command.ledger;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.kontor.command.ledger.LedgerCommands.PostJournalEntry;
import org.kontor.config.axon.CommandsFromEvents;
import org.kontor.config.error.RuleViolationDetails;
import org.kontor.events.ledger.JournalLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a ledger policy posts the entries it derives from another context's events (stock movements,
 * invoices, payments, bills): through the ledger's own {@link PostJournalEntry}, so every rule of a
 * hand-posted entry applies, with the causing event as the command's cause, so lineage can follow
 * the entry back to it.
 *
 * <p>Entry ids are derived from the source document ({@link #entryId}), so a redelivered event posts
 * the identical entry again, which the ledger answers as a repeat: nothing is posted twice.
 *
 * <p>A posting the ledger refuses (a closed period, an account missing from the chart) is logged as
 * an error and counted in {@code kontor.ledger.<source>.postings.refused} (tagged with the rule's
 * code); the policy goes on with the next event, so one refusal neither loops nor stops the
 * postings behind it. The ledger then disagrees with the source context until an accountant posts
 * the entry by hand (the log names its id, date and lines). Any other failure is thrown: the
 * processor retries.
 *
 * <p>Commands are sent through {@link CommandsFromEvents}, from a thread of their own: sent from the
 * processor's thread, the posting would join the processor's transaction, and a refused posting
 * would mark that transaction rollback-only: the batch would fail and be retried for ever.
 */
final class PolicyPostings implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyPostings.class);
    private static final Duration POSTING_TIMEOUT = Duration.ofSeconds(30);

    private final String source;
    private final CommandsFromEvents commands;
    private final MeterRegistry meters;

    /** {@code source} names the context in entry ids, the sending thread and the refusal metric. */
    PolicyPostings(String source, CommandGateway commandGateway, MeterRegistry meters) {
        this.source = source;
        this.commands = new CommandsFromEvents(commandGateway, source + "-postings", POSTING_TIMEOUT);
        this.meters = meters;
    }

    /** The metric that counts this source's refused postings. */
    static String refusedMetric(String source) {
        return "kontor.ledger." + source + ".postings.refused";
    }

    /**
     * The id of the entry this source posts for {@code kind} (e.g. "receipt", "invoice") of document
     * {@code key}: the same on every delivery of the event, different for every source and kind.
     */
    String entryId(String kind, String key) {
        return UUID.nameUUIDFromBytes((source + "-" + kind + ":" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * Posts the lines as one entry. An entry of fewer than two lines (every amount was zero: nothing
     * moved) is not posted, as the ledger takes no lines of zero.
     */
    void post(EventMessage<?> cause, String entryId, LocalDate date, String description, String currency,
              String reference, EntryLines lines) throws Exception {
        List<JournalLine> nonZero = lines.lines();
        if (nonZero.size() < 2) {
            return;
        }
        PostJournalEntry command = new PostJournalEntry(entryId, date, truncate(description), currency,
                reference == null ? null : truncate(reference), nonZero);
        Optional<RuleViolationDetails> refused = commands.send(command, cause);
        if (refused.isPresent()) {
            RuleViolationDetails rule = refused.get();
            LOG.error("The ledger refused the {} posting {} dated {} ({}: {} in {}), {}: {} The ledger will disagree "
                            + "with the {} context until it is posted by hand.", source, entryId, date, description,
                    describe(nonZero), currency, rule.code(), rule.detail(), source);
            meters.counter(refusedMetric(source), "code", rule.code()).increment();
        }
    }

    /**
     * The lines of one derived entry, built up debit by credit; amounts of zero are left out and a
     * negative amount goes to the other side, so a policy can add what an event says as it is.
     */
    static final class EntryLines {

        private final List<JournalLine> lines = new ArrayList<>();

        /** Dr {@code debitAccount} / Cr {@code creditAccount}; a negative amount the other way round. */
        static EntryLines transfer(String debitAccount, String creditAccount, long amountMinor) {
            return new EntryLines().debit(debitAccount, amountMinor).credit(creditAccount, amountMinor);
        }

        EntryLines debit(String account, long amountMinor) {
            if (amountMinor != 0) {
                lines.add(amountMinor > 0 ? new JournalLine(account, amountMinor, 0, null, null)
                        : new JournalLine(account, 0, -amountMinor, null, null));
            }
            return this;
        }

        EntryLines credit(String account, long amountMinor) {
            return debit(account, Math.negateExact(amountMinor));
        }

        List<JournalLine> lines() {
            return List.copyOf(lines);
        }
    }

    private static String describe(List<JournalLine> lines) {
        return lines.stream().map(line -> line.debitMinor() > 0 ? "Dr " + line.account() + " " + line.debitMinor()
                : "Cr " + line.account() + " " + line.creditMinor()).collect(Collectors.joining(", "))
                + " minor units";
    }

    private static String truncate(String text) {
        return text.length() <= LedgerRequests.MAX_TEXT ? text : text.substring(0, LedgerRequests.MAX_TEXT);
    }

    @Override
    public void close() {
        commands.close();
    }
}
