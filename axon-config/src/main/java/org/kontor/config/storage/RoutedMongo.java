package org.kontor.config.storage;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.UnaryOperator;

/**
 * A database and collections that resolve a collection's name again at every call. Queries keep a
 * collection in a field and projections fetch one per batch; resolving per call is what lets a
 * rebuilt read model be switched in under both without their knowing. Everything but the name is
 * the driver's own object; a call is one extra map lookup before a network round trip.
 */
final class RoutedMongo {

    private RoutedMongo() {
    }

    static MongoDatabase database(MongoDatabase physical, UnaryOperator<String> resolve) {
        InvocationHandler handler = (proxy, method, arguments) -> {
            if (method.getName().equals("getCollection")) {
                String name = (String) arguments[0];
                Class<?> documentClass = arguments.length > 1 ? (Class<?>) arguments[1] : null;
                return collection(physical, name, documentClass, resolve);
            }
            return invoke(physical, method, arguments);
        };
        return (MongoDatabase) Proxy.newProxyInstance(RoutedMongo.class.getClassLoader(),
                new Class<?>[] {MongoDatabase.class}, handler);
    }

    private static MongoCollection<?> collection(MongoDatabase physical, String name, Class<?> documentClass,
                                                 UnaryOperator<String> resolve) {
        InvocationHandler handler = (proxy, method, arguments) -> {
            String physicalName = resolve.apply(name);
            MongoCollection<?> target = documentClass == null ? physical.getCollection(physicalName)
                    : physical.getCollection(physicalName, documentClass);
            return invoke(target, method, arguments);
        };
        return (MongoCollection<?>) Proxy.newProxyInstance(RoutedMongo.class.getClassLoader(),
                new Class<?>[] {MongoCollection.class}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
