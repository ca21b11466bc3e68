package org.kontor.events.common;

import java.util.Objects;

/** A postal address as written on letters and invoices; {@code country} is an ISO 3166 alpha-2 code. */
public record PostalAddress(String street, String postalCode, String city, String region, String country) {

    public PostalAddress {
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(country, "country");
    }
}
