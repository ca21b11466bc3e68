package org.kontor.config.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.kontor.config.http.CommandDurability;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

/**
 * Production: Axon Server stores events and routes commands, queries and events (its connector is
 * switched on by {@code axon.axonserver.enabled=true} in {@code application-axonserver.properties});
 * read models, tokens and sagas live in an external MongoDB replica set.
 */
@Configuration(proxyBeanMethods = false)
@Profile(AxonServerStorageConfiguration.PROFILE)
public class AxonServerStorageConfiguration {

    public static final String PROFILE = "axonserver";

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(@Value("${erp.mongodb.uri}") String uri) {
        return MongoClients.create(DocumentWriting.settings(uri));
    }

    /** Sagas keep their tokens beside their state, in MongoDB; the projections' store is the same one. */
    @Bean
    @Primary
    TokenStore tokenStore(@Qualifier(ReadStoreConfiguration.READ_MODEL_TOKEN_STORE) TokenStore readModelTokenStore) {
        return readModelTokenStore;
    }

    /** Axon Server answers an append once it has stored the events: a command's reply waits for nothing more. */
    @Bean
    CommandDurability commandDurability() {
        return CommandDurability.AT_COMMIT;
    }

    @Bean
    SagaStore<Object> sagaStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoSagaStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).build();
    }
}
