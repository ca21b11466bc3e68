package org.kontor.config.axon;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * One JSON serializer for events, messages, tokens and sagas. It has its own {@link ObjectMapper}
 * so that tuning the HTTP layer's JSON can never change what is written to the event store.
 */
@Configuration(proxyBeanMethods = false)
public class SerializerConfiguration {

    /** The mapper that defines the stored form of events; the approval tests use it too. */
    public static ObjectMapper storageObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // Tolerant reader: a field added in a later revision does not break an older node.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    /** Axon's Jackson serializer on {@link #storageObjectMapper}, remembering the classes of type names. */
    public static JacksonSerializer storageSerializer() {
        return new TypeRememberingSerializer(JacksonSerializer.builder().objectMapper(storageObjectMapper()));
    }

    @Bean
    @Primary
    Serializer serializer() {
        return storageSerializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return storageSerializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return storageSerializer();
    }
}
