package org.kontor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkloadTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void journalEntry_fourDistinctAccountsBalancedInTheYear() throws Exception {
        Workload workload = new Workload(2025);
        for (int attempt = 0; attempt < 200; attempt++) {
            JsonNode entry = json.readTree(workload.journalEntry());
            BigDecimal debits = BigDecimal.ZERO;
            BigDecimal credits = BigDecimal.ZERO;
            Set<String> accounts = new HashSet<>();
            for (JsonNode line : entry.get("lines")) {
                accounts.add(line.get("account").asText());
                if (line.has("debit")) {
                    debits = debits.add(new BigDecimal(line.get("debit").asText()));
                } else {
                    credits = credits.add(new BigDecimal(line.get("credit").asText()));
                }
            }
            assertThat(accounts).hasSize(4).isSubsetOf(Workload.ACCOUNTS);
            assertThat(debits).isEqualByComparingTo(credits);
            assertThat(entry.get("date").asText()).startsWith("2025-");
        }
    }

    @Test
    void amount_minorUnitsAsTwoDecimals() {
        assertThat(Workload.amount(1)).isEqualTo("0.01");
        assertThat(Workload.amount(123_456)).isEqualTo("1234.56");
    }
}
