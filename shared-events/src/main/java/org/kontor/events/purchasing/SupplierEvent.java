package org.kontor.events.purchasing;

import org.axonframework.serialization.Revision;

/** Everything that can happen to a supplier. The aggregate id is {@code supplier:<supplierId>}. */
public sealed interface SupplierEvent {

    String supplierId();

    static String aggregateId(String supplierId) {
        return "supplier:" + supplierId;
    }

    /**
     * A supplier was registered; its bills fall due {@code paymentTermDays} after their date unless a
     * bill says otherwise. {@code email} may be {@code null}.
     */
    @Revision("1")
    record SupplierRegistered(String supplierId, String name, String email, int paymentTermDays)
            implements SupplierEvent {
    }
}
