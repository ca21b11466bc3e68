package org.kontor.query.crm;

import java.util.EnumMap;
import java.util.Map;
import org.kontor.events.crm.OpportunityStage;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * How likely an opportunity in each stage is to be won, in percent, for the weighted pipeline:
 * {@code erp.crm.stage-probabilities.<STAGE>}, by default PROSPECTING 10, QUALIFICATION 25,
 * PROPOSAL 50, NEGOTIATION 75; WON is always 100 and LOST 0. The view keeps plain amounts per stage
 * and weighs them when read, so a changed table applies to the whole pipeline at once, no replay.
 */
@Component
class StageProbabilities {

    static final String PREFIX = "erp.crm.stage-probabilities.";
    private static final Map<OpportunityStage, Integer> DEFAULTS = Map.of(
            OpportunityStage.PROSPECTING, 10,
            OpportunityStage.QUALIFICATION, 25,
            OpportunityStage.PROPOSAL, 50,
            OpportunityStage.NEGOTIATION, 75,
            OpportunityStage.WON, 100,
            OpportunityStage.LOST, 0);

    private final Map<OpportunityStage, Integer> percentByStage = new EnumMap<>(OpportunityStage.class);

    StageProbabilities(Environment environment) {
        for (OpportunityStage stage : OpportunityStage.values()) {
            int percent = stage.isOpen()
                    ? environment.getProperty(PREFIX + stage.name(), Integer.class, DEFAULTS.get(stage))
                    : DEFAULTS.get(stage);
            if (percent < 0 || percent > 100) {
                throw new IllegalStateException(PREFIX + stage.name() + " must be a percentage from 0 to 100, not "
                        + percent);
            }
            percentByStage.put(stage, percent);
        }
    }

    int percentOf(OpportunityStage stage) {
        return percentByStage.get(stage);
    }

    /** The amount weighted by the stage's probability, rounded half up to a minor unit. */
    long weighted(OpportunityStage stage, long amountMinor) {
        return Math.floorDiv(Math.multiplyExact(amountMinor, percentOf(stage)) + 50, 100);
    }
}
