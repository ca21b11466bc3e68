package org.kontor.config.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read store on every profile: one MongoDB database for the read models and, beside them, the
 * tracking tokens of their projections ({@link #READ_MODEL_TOKEN_STORE}). Keeping tokens with the
 * views means an empty read store is always a full replay, never a view that silently misses
 * history. Processors that are not projections (sagas) keep their tokens in the profile's primary
 * token store, beside their own state.
 */
@Configuration(proxyBeanMethods = false)
public class ReadStoreConfiguration {

    /** The read models' collections, each resolved to the copy that serves it (see {@link ReadModelCollections}). */
    @Bean
    ReadModelCollections readModelCollections(MongoClient mongoClient,
                                              @Value("${erp.mongodb.database:kontor}") String name) {
        return new ReadModelCollections(mongoClient.getDatabase(name));
    }

    @Bean
    MongoDatabase readStore(ReadModelCollections readModelCollections) {
        return readModelCollections.database();
    }

    @Bean
    MongoTemplate axonMongoTemplate(MongoClient mongoClient,
                                    @Value("${erp.mongodb.database:kontor}") String name) {
        return DefaultMongoTemplate.builder().mongoDatabase(mongoClient, name).build();
    }

    /** The bean name of the token store of the projections. */
    public static final String READ_MODEL_TOKEN_STORE = "readModelTokenStore";

    @Bean(READ_MODEL_TOKEN_STORE)
    TokenStore readModelTokenStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        MongoTokenStore tokenStore =
                MongoTokenStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).build();
        tokenStore.ensureIndexes();
        return tokenStore;
    }
}
