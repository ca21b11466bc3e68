package org.kontor.events.crm;

/**
 * Where an opportunity stands. The four open stages come in this order; {@link #WON} and
 * {@link #LOST} close it for good.
 */
public enum OpportunityStage {
    PROSPECTING,
    QUALIFICATION,
    PROPOSAL,
    NEGOTIATION,
    WON,
    LOST;

    public boolean isOpen() {
        return this != WON && this != LOST;
    }
}
