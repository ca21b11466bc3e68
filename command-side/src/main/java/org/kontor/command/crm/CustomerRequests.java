package org.kontor.command.crm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.kontor.config.http.InvalidRequestException;
import org.kontor.config.http.InvalidRequestException.FieldProblem;
import org.kontor.config.http.MoneyJson;
import org.kontor.config.http.RequestFields;
import org.kontor.events.common.Money;
import org.kontor.events.common.PostalAddress;
import org.kontor.events.crm.CustomerKind;
import org.kontor.events.crm.InteractionChannel;
import org.kontor.events.crm.InteractionDirection;

/**
 * The bodies of the CRM command endpoints and how they are checked. Every problem found is
 * reported at once, by field, so a client fixes a form in one round trip.
 */
final class CustomerRequests {

    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_TEXT_LENGTH = 10_000;
    static final int MAX_TAGS = 20;
    static final int MAX_TAG_LENGTH = 50;
    static final int MAX_ID_LENGTH = 64;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[0-9+()./ -]{3,40}");
    private static final Pattern VAT_NUMBER = Pattern.compile("[A-Za-z0-9 .-]{2,30}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private CustomerRequests() {
    }

    /** The body of a create or of a change: on a change, absent fields stay as they are. */
    record CustomerJson(
            String id,
            String name,
            CustomerKind kind,
            String email,
            String phone,
            String vatNumber,
            AddressJson address,
            MoneyJson creditLimit,
            String ownerId,
            List<String> tags,
            Integer paymentTermDays) {
    }

    record AddressJson(String street, String postalCode, String city, String region, String country) {
    }

    record ContactJson(String id, String name, String email, String phone, String role) {
    }

    record InteractionJson(
            String id,
            InteractionChannel channel,
            InteractionDirection direction,
            Instant occurredAt,
            String subject,
            String body,
            String employeeId) {
    }

    /** The id a client chose, or a new one; a chosen id must be a UUID. */
    static String idOrNew(String id, List<FieldProblem> problems) {
        if (id == null) {
            return UUID.randomUUID().toString();
        }
        try {
            return UUID.fromString(id).toString().equals(id.toLowerCase()) ? id.toLowerCase() : invalidId(problems);
        } catch (IllegalArgumentException notUuid) {
            return invalidId(problems);
        }
    }

    private static String invalidId(List<FieldProblem> problems) {
        problems.add(new FieldProblem("id", "must be a UUID such as 3f2c1a9e-8b7d-4c6e-9a1f-2b3c4d5e6f70"));
        return null;
    }

    static CustomerDetails detailsForCreate(CustomerJson json, List<FieldProblem> problems) {
        return details(json, EnumSet.allOf(CustomerField.class), problems);
    }

    /** The values of the fields present in a change; {@code present} are the JSON names in the body. */
    static CustomerDetails detailsForChange(CustomerJson json, Set<CustomerField> present,
                                            List<FieldProblem> problems) {
        return details(json, present, problems);
    }

    private static CustomerDetails details(CustomerJson json, Set<CustomerField> fields, List<FieldProblem> problems) {
        if (fields.contains(CustomerField.NAME)) {
            requiredText(problems, "name", json.name(), MAX_NAME_LENGTH);
        }
        if (fields.contains(CustomerField.KIND) && json.kind() == null) {
            problems.add(new FieldProblem("kind", "is required: COMPANY or PERSON"));
        }
        optionalPattern(problems, "email", json.email(), EMAIL, "must be an email address");
        optionalPattern(problems, "phone", json.phone(), PHONE, "must be a phone number of digits, spaces and + ( ) - . /");
        optionalPattern(problems, "vatNumber", json.vatNumber(), VAT_NUMBER, "must be 2 to 30 letters and digits");
        optionalText(problems, "ownerId", json.ownerId(), MAX_ID_LENGTH);
        PostalAddress address = address(json.address(), problems);
        Money creditLimit = creditLimit(json.creditLimit(), problems);
        List<String> tags = tags(json.tags(), problems);
        if (!CustomerDetails.isPaymentTermInRange(json.paymentTermDays())) {
            problems.add(new FieldProblem("paymentTermDays",
                    "must be from 0 to " + CustomerDetails.MAX_PAYMENT_TERM_DAYS + " days"));
        }
        return new CustomerDetails(trim(json.name()), json.kind(), trim(json.email()), trim(json.phone()),
                trim(json.vatNumber()), address, creditLimit, trim(json.ownerId()), tags, json.paymentTermDays());
    }

    static void requiredText(List<FieldProblem> problems, String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required"));
        } else {
            optionalText(problems, field, value, maxLength);
        }
    }

    static void optionalText(List<FieldProblem> problems, String field, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            problems.add(new FieldProblem(field, "must be at most " + maxLength + " characters"));
        }
    }

    static void optionalPattern(List<FieldProblem> problems, String field, String value, Pattern pattern,
                                String message) {
        if (value != null && !pattern.matcher(value.trim()).matches()) {
            problems.add(new FieldProblem(field, message));
        }
    }

    static String trim(String value) {
        return value == null ? null : value.trim();
    }

    static void throwIfAny(List<FieldProblem> problems) {
        RequestFields.throwIfAny(problems);
    }

    private static PostalAddress address(AddressJson json, List<FieldProblem> problems) {
        if (json == null) {
            return null;
        }
        int before = problems.size();
        requiredText(problems, "address.city", json.city(), MAX_NAME_LENGTH);
        if (json.country() == null || !COUNTRY.matcher(json.country()).matches()) {
            problems.add(new FieldProblem("address.country", "must be an ISO 3166 alpha-2 code such as DE"));
        }
        optionalText(problems, "address.street", json.street(), MAX_NAME_LENGTH);
        optionalText(problems, "address.postalCode", json.postalCode(), 20);
        optionalText(problems, "address.region", json.region(), MAX_NAME_LENGTH);
        return problems.size() > before ? null
                : new PostalAddress(trim(json.street()), trim(json.postalCode()), trim(json.city()),
                        trim(json.region()), json.country());
    }

    private static Money creditLimit(MoneyJson json, List<FieldProblem> problems) {
        if (json == null) {
            return null;
        }
        try {
            Money money = json.toMoney("creditLimit");
            if (money.amountMinor() < 0) {
                problems.add(new FieldProblem("creditLimit.amount", "must not be negative"));
            }
            return money;
        } catch (InvalidRequestException invalid) {
            problems.addAll(invalid.errors());
            return null;
        }
    }

    private static List<String> tags(List<String> tags, List<FieldProblem> problems) {
        if (tags == null) {
            return List.of();
        }
        if (tags.size() > MAX_TAGS) {
            problems.add(new FieldProblem("tags", "must be at most " + MAX_TAGS + " tags"));
            return List.of();
        }
        List<String> clean = new ArrayList<>();
        for (int index = 0; index < tags.size(); index++) {
            String tag = tags.get(index);
            if (tag == null || tag.isBlank() || tag.length() > MAX_TAG_LENGTH) {
                problems.add(new FieldProblem("tags[" + index + "]",
                        "must be 1 to " + MAX_TAG_LENGTH + " characters"));
            } else if (!clean.contains(tag.trim())) {
                clean.add(tag.trim());
            }
        }
        return clean;
    }
}
