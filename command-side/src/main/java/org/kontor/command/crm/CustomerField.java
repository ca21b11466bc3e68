package org.kontor.command.crm;

import java.util.Arrays;
import java.util.Optional;

/** The details of a customer a client may set, by the names they have in the HTTP API. */
enum CustomerField {
    NAME("name"),
    KIND("kind"),
    EMAIL("email"),
    PHONE("phone"),
    VAT_NUMBER("vatNumber"),
    ADDRESS("address"),
    CREDIT_LIMIT("creditLimit"),
    OWNER_ID("ownerId"),
    TAGS("tags"),
    PAYMENT_TERM_DAYS("paymentTermDays");

    private final String jsonName;

    CustomerField(String jsonName) {
        this.jsonName = jsonName;
    }

    String jsonName() {
        return jsonName;
    }

    static Optional<CustomerField> byJsonName(String name) {
        return Arrays.stream(values()).filter(field -> field.jsonName.equals(name)).findFirst();
    }

    /** Fields every customer has; a change may replace them but never clear them. */
    boolean isRequired() {
        return this == NAME || this == KIND;
    }
}
