package org.kontor.config.axon;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon's JSON serializer, remembering the class each stored type name stands for.
 *
 * <p>Why: Axon 4.12.2's {@code JacksonSerializer.classForType} asks Jackson's {@code TypeFactory},
 * which calls {@code Class.forName} every time, and reading one stored event asks about four times
 * (the payload's and the metadata's lazy objects are made, then read). In a rebuild of every read
 * model over the benchmark's store of 1,005,001 events, {@code Class.forName} took 4.4 % of the
 * server's CPU (an async-profiler recording of a warm rebuild, docs/benchmarks.md), for an answer
 * that never changes while the server runs.
 *
 * <p>What it remembers: only classes that were found, by type name (Axon's Jackson serializer
 * ignores the revision when it resolves a class), up to {@link #MOST_TYPES} of them (threads racing
 * at the bound may add one each beyond it); names it
 * could not resolve and the empty type are answered by Axon every time, as before. The store holds
 * fewer than a hundred types, so the bound is never reached in practice; past it, a name is resolved
 * as Axon does, just not remembered.
 */
final class TypeRememberingSerializer extends JacksonSerializer {

    /** Far more than the types the store names: its event records (under a hundred), tokens, metadata, sagas. */
    static final int MOST_TYPES = 1_024;

    private final Map<String, Class<?>> classesByName = new ConcurrentHashMap<>();
    private final int mostTypes;

    TypeRememberingSerializer(Builder builder) {
        this(builder, MOST_TYPES);
    }

    TypeRememberingSerializer(Builder builder, int mostTypes) {
        super(builder);
        this.mostTypes = mostTypes;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        Class<?> known = classesByName.get(type.getName());
        if (known != null) {
            return known;
        }
        Class<?> resolved = super.classForType(type);
        if (isRemembered(type, resolved) && classesByName.size() < mostTypes) {
            classesByName.putIfAbsent(type.getName(), resolved);
        }
        return resolved;
    }

    /** The empty type's {@code Void} depends on the revision too, and an unknown name may be loaded later. */
    private static boolean isRemembered(SerializedType type, Class<?> resolved) {
        return resolved != UnknownSerializedType.class && resolved != Void.class
                && !SimpleSerializedType.emptyType().equals(type);
    }

    int remembered() {
        return classesByName.size();
    }
}
