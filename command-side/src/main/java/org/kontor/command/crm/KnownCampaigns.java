package org.kontor.command.crm;

/** Answers whether a campaign exists, for leads attributed to one. */
@FunctionalInterface
interface KnownCampaigns {

    boolean exists(String campaignId);
}
