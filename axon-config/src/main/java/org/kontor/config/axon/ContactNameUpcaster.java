package org.kontor.config.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.kontor.events.common.PersonName;
import org.kontor.events.crm.CustomerEvent.ContactAdded;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code ContactAdded} revision 1 stored a contact's name in one field ({@code "name": "Anna Berg"});
 * revision 2 stores its parts ({@code "name": {"givenName": "Anna", "familyName": "Berg"}}), split
 * by the rule that splits the name the API still takes in one field ({@link PersonName#parse}). Stored
 * events are never rewritten: every read of an old one (an aggregate loaded, a projection replayed)
 * goes through here. A Spring bean, so Axon puts it in the upcaster chain of every profile's event
 * store.
 */
@Component
@Order(0)
public class ContactNameUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(ContactAdded.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(ContactAdded.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, ContactNameUpcaster::splitName);
    }

    private static JsonNode splitName(JsonNode payload) {
        ObjectNode contact = (ObjectNode) payload;
        PersonName name = PersonName.parse(contact.get("name").asText());
        ObjectNode parts = contact.objectNode();
        if (name.givenName() != null) {
            parts.put("givenName", name.givenName());
        }
        parts.put("familyName", name.familyName());
        contact.set("name", parts);
        return contact;
    }
}
