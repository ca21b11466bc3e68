package org.kontor.query.ledger;

import java.time.Instant;
import java.util.List;
import org.kontor.query.ledger.LedgerQueries.FetchTrialBalanceQuery;
import org.kontor.query.ledger.LedgerViews.TrialBalance;
import org.kontor.query.projection.PointInTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The trial balance as it was known at an instant: {@link AccountBalanceProjection} folds the
 * ledger events recorded up to then into a scratch database, and {@link BalanceQueryHandlers}
 * reads it, the same two classes that keep and read the live view.
 */
@Component
class LedgerKnownAt {

    private final PointInTime pointInTime;
    private final String currency;

    LedgerKnownAt(PointInTime pointInTime, @Value("${erp.ledger.currency:EUR}") String currency) {
        this.pointInTime = pointInTime;
        this.currency = currency;
    }

    Mono<TrialBalance> trialBalance(FetchTrialBalanceQuery query, Instant knownAt) {
        return pointInTime.read(knownAt, scratch -> List.of(new AccountBalanceProjection(scratch)), event -> true,
                scratch -> new BalanceQueryHandlers(scratch, currency).handle(query));
    }
}
