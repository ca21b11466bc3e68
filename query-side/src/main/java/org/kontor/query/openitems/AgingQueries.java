package org.kontor.query.openitems;

import java.time.LocalDate;

/** The queries of the open-items books. */
public final class AgingQueries {

    private AgingQueries() {
    }

    /**
     * The aging of {@code kind} as of the end of {@code asOf}: every party, or only {@code partyId};
     * rows of at most {@code limit} parties after {@code afterPartyId} (ids in ascending order).
     */
    public record FetchAgingQuery(OpenItemKind kind, LocalDate asOf, String partyId, String afterPartyId,
                                  int limit) {
    }
}
