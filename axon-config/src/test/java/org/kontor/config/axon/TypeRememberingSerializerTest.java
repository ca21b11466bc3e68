package org.kontor.config.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.databind.util.LRUMap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

class TypeRememberingSerializerTest {

    record InvoiceSent(String invoiceId, LocalDate sentOn) {
    }

    /** Jackson's type factory, counting the names it is asked to find a class for. */
    static final class CountingTypeFactory extends TypeFactory {

        final List<String> asked = new ArrayList<>();

        CountingTypeFactory() {
            super(new LRUMap<>(16, 200));
        }

        @Override
        public Class<?> findClass(String className) throws ClassNotFoundException {
            asked.add(className);
            return super.findClass(className);
        }
    }

    private final CountingTypeFactory typeFactory = new CountingTypeFactory();

    private TypeRememberingSerializer serializer(int mostTypes) {
        var mapper = SerializerConfiguration.storageObjectMapper().setTypeFactory(typeFactory);
        return new TypeRememberingSerializer(JacksonSerializer.builder().objectMapper(mapper), mostTypes);
    }

    @Test
    void typeName_isLookedUpOnceThenRemembered() {
        TypeRememberingSerializer serializer = serializer(TypeRememberingSerializer.MOST_TYPES);
        SimpleSerializedType type = new SimpleSerializedType(InvoiceSent.class.getName(), null);

        assertThat(serializer.classForType(type)).isEqualTo(InvoiceSent.class);
        assertThat(serializer.classForType(type)).isEqualTo(InvoiceSent.class);
        assertThat(serializer.classForType(new SimpleSerializedType(InvoiceSent.class.getName(), "2")))
                .isEqualTo(InvoiceSent.class);

        assertThat(typeFactory.asked).containsExactly(InvoiceSent.class.getName());
    }

    @Test
    void storedEvent_readBackAsBefore() {
        TypeRememberingSerializer serializer = serializer(TypeRememberingSerializer.MOST_TYPES);
        InvoiceSent sent = new InvoiceSent("INV-1", LocalDate.of(2026, 11, 29));

        SerializedObject<byte[]> stored = serializer.serialize(sent, byte[].class);
        Object first = serializer.deserialize(stored);
        Object second = serializer.deserialize(stored);

        assertThat(first).isEqualTo(sent);
        assertThat(second).isEqualTo(sent);
        assertThat(typeFactory.asked).containsExactly(InvoiceSent.class.getName());
    }

    @Test
    void unknownName_answeredAsAxonDoes_andAskedAgainLater() {
        TypeRememberingSerializer serializer = serializer(TypeRememberingSerializer.MOST_TYPES);
        SimpleSerializedType gone = new SimpleSerializedType("org.kontor.events.RemovedLongAgo", null);

        assertThat(serializer.classForType(gone)).isEqualTo(UnknownSerializedType.class);
        assertThat(serializer.remembered()).isZero();
    }

    @Test
    void emptyType_isVoid_andNotRemembered() {
        TypeRememberingSerializer serializer = serializer(TypeRememberingSerializer.MOST_TYPES);

        assertThat(serializer.classForType(SimpleSerializedType.emptyType())).isEqualTo(Void.class);
        assertThat(serializer.remembered()).isZero();
    }

    @Test
    void full_resolvesFurtherNamesWithoutRememberingThem() {
        TypeRememberingSerializer serializer = serializer(1);
        SimpleSerializedType invoice = new SimpleSerializedType(InvoiceSent.class.getName(), null);
        SimpleSerializedType date = new SimpleSerializedType(LocalDate.class.getName(), null);

        assertThat(serializer.classForType(invoice)).isEqualTo(InvoiceSent.class);
        assertThat(serializer.classForType(date)).isEqualTo(LocalDate.class);
        assertThat(serializer.classForType(date)).isEqualTo(LocalDate.class);
        assertThat(serializer.classForType(invoice)).isEqualTo(InvoiceSent.class);

        assertThat(serializer.remembered()).isEqualTo(1);
        assertThat(typeFactory.asked).containsExactly(InvoiceSent.class.getName(),
                LocalDate.class.getName(), LocalDate.class.getName());
    }
}
