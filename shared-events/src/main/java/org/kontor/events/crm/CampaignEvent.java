package org.kontor.events.crm;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.kontor.events.common.Money;

/** Everything that can happen to a marketing campaign that leads are attributed to. */
public sealed interface CampaignEvent {

    String campaignId();

    /** A campaign on {@code channel} runs from {@code startsOn} (to {@code endsOn}, if set) on {@code budget}. */
    @Revision("1")
    record CampaignPlanned(
            String campaignId,
            String name,
            String channel,
            Money budget,
            LocalDate startsOn,
            LocalDate endsOn) implements CampaignEvent {
    }
}
