package org.kontor.events.inventory;

/** How issues of a product are valued: at the moving average of what is in stock, or oldest layer first. */
public enum CostMethod {
    AVERAGE,
    FIFO
}
