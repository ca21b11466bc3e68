package org.kontor.command.crm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.kontor.events.common.Money;
import org.kontor.events.common.PostalAddress;
import org.kontor.events.crm.CustomerEvent.CustomerDetailsChanged;
import org.kontor.events.crm.CustomerEvent.CustomerDetailsSnapshot;
import org.kontor.events.crm.CustomerEvent.CustomerRegistered;
import org.kontor.events.crm.CustomerKind;

/** What the company knows about a customer, as one value. */
record CustomerDetails(
        String name,
        CustomerKind kind,
        String email,
        String phone,
        String vatNumber,
        PostalAddress address,
        Money creditLimit,
        String ownerId,
        List<String> tags,
        Integer paymentTermDays) {

    /** A year: longer terms are a loan, not payment terms. */
    static final int MAX_PAYMENT_TERM_DAYS = 365;

    CustomerDetails {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** Not set (the sales setting applies), or from 0 (due on the invoice date) to a year. */
    static boolean isPaymentTermInRange(Integer days) {
        return days == null || days >= 0 && days <= MAX_PAYMENT_TERM_DAYS;
    }

    static CustomerDetails of(CustomerDetailsSnapshot snapshot) {
        return new CustomerDetails(snapshot.name(), snapshot.kind(), snapshot.email(), snapshot.phone(),
                snapshot.vatNumber(), snapshot.address(), snapshot.creditLimit(), snapshot.ownerId(), snapshot.tags(),
                snapshot.paymentTermDays());
    }

    CustomerRegistered registered(String customerId) {
        return new CustomerRegistered(customerId, name, kind, email, phone, vatNumber, address, creditLimit,
                ownerId, tags, paymentTermDays);
    }

    CustomerDetailsChanged changed(String customerId, List<String> changedFields) {
        return new CustomerDetailsChanged(customerId, changedFields, name, kind, email, phone, vatNumber, address,
                creditLimit, ownerId, tags, paymentTermDays);
    }

    /** These details with the named fields taken from {@code values}. */
    CustomerDetails with(Set<CustomerField> fields, CustomerDetails values) {
        return new CustomerDetails(
                pick(fields, CustomerField.NAME, values.name, name),
                pick(fields, CustomerField.KIND, values.kind, kind),
                pick(fields, CustomerField.EMAIL, values.email, email),
                pick(fields, CustomerField.PHONE, values.phone, phone),
                pick(fields, CustomerField.VAT_NUMBER, values.vatNumber, vatNumber),
                pick(fields, CustomerField.ADDRESS, values.address, address),
                pick(fields, CustomerField.CREDIT_LIMIT, values.creditLimit, creditLimit),
                pick(fields, CustomerField.OWNER_ID, values.ownerId, ownerId),
                pick(fields, CustomerField.TAGS, values.tags, tags),
                pick(fields, CustomerField.PAYMENT_TERM_DAYS, values.paymentTermDays, paymentTermDays));
    }

    /** The names of the fields whose values differ from {@code other}, in API order. */
    List<String> fieldsDifferentFrom(CustomerDetails other) {
        List<String> different = new ArrayList<>();
        addIfDifferent(different, CustomerField.NAME, name, other.name);
        addIfDifferent(different, CustomerField.KIND, kind, other.kind);
        addIfDifferent(different, CustomerField.EMAIL, email, other.email);
        addIfDifferent(different, CustomerField.PHONE, phone, other.phone);
        addIfDifferent(different, CustomerField.VAT_NUMBER, vatNumber, other.vatNumber);
        addIfDifferent(different, CustomerField.ADDRESS, address, other.address);
        addIfDifferent(different, CustomerField.CREDIT_LIMIT, creditLimit, other.creditLimit);
        addIfDifferent(different, CustomerField.OWNER_ID, ownerId, other.ownerId);
        addIfDifferent(different, CustomerField.TAGS, tags, other.tags);
        addIfDifferent(different, CustomerField.PAYMENT_TERM_DAYS, paymentTermDays, other.paymentTermDays);
        return different;
    }

    private static <T> T pick(Set<CustomerField> fields, CustomerField field, T changed, T current) {
        return fields.contains(field) ? changed : current;
    }

    private static void addIfDifferent(List<String> different, CustomerField field, Object mine, Object theirs) {
        if (!Objects.equals(mine, theirs)) {
            different.add(field.jsonName());
        }
    }
}
