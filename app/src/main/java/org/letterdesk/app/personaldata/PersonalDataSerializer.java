package org.letterdesk.app.personaldata;

import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.UnknownSerializedType;
import org.letterdesk.command.sender.PersonalDataCipher;
import org.letterdesk.events.PersonalDataEvent;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The event serializer with the sender's personal fields (properties named phone, email, address, idNumber, and a
 * reply's recipient, of a {@link PersonalDataEvent}) encrypted on the way into the store and decrypted on the way
 * out. The store, and with it the hash chain computed over stored content, only ever holds ciphertext; every reader
 * (aggregates, processors, history, replay) gets the clear value, or {@code [已删除]} once the key is destroyed,
 * and masks it itself.
 */
final class PersonalDataSerializer implements Serializer {

    static final Set<String> PERSONAL_FIELDS = Set.of("phone", "email", "address", "idNumber", "recipient");

    private final Serializer delegate;
    private final Supplier<PersonalDataCipher> cipher;
    private final ObjectMapper mapper;

    PersonalDataSerializer(Serializer delegate, Supplier<PersonalDataCipher> cipher) {
        this.delegate = delegate;
        this.cipher = cipher;
        // The delegate's mapper, so that sealed events are written and read exactly as the delegate would.
        if (!(delegate instanceof Jackson3Serializer jackson)) {
            throw new IllegalStateException("Personal-data encryption needs the jackson3 event serializer, not "
                    + delegate.getClass().getName());
        }
        this.mapper = jackson.getObjectMapper();
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (!(object instanceof PersonalDataEvent event) || event.personalDataKey() == null) {
            return delegate.serialize(object, expectedRepresentation);
        }
        // Straight to a tree with the delegate's own mapper: writing the clear text first and parsing it again cost
        // as much as the rest of the serialization.
        JsonNode tree = mapper.valueToTree(object);
        String keyId = event.personalDataKey();
        rewrite(tree, value -> cipher.get().encrypt(keyId, value));
        SerializedObject<String> sealed = new SimpleSerializedObject<>(mapper.writeValueAsString(tree), String.class,
                delegate.typeForClass(object.getClass()));
        return getConverter().convert(sealed, expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        if (!mayCarryPersonalData(serializedObject.getType())) {
            return delegate.deserialize(serializedObject);
        }
        String text = getConverter().convert(serializedObject, String.class).getData();
        if (!text.contains(PersonalDataCipher.PREFIX)) {
            return delegate.deserialize(serializedObject);
        }
        JsonNode tree = mapper.readTree(text);
        rewrite(tree, value -> cipher.get().decrypt(value));
        @SuppressWarnings("unchecked")
        T payload = (T) mapper.treeToValue(tree, delegate.classForType(serializedObject.getType()));
        return payload;
    }

    private boolean mayCarryPersonalData(SerializedType type) {
        if (type == null || SerializedType.emptyType().equals(type)) {
            return false;
        }
        Class<?> payloadClass = delegate.classForType(type);
        return payloadClass != UnknownSerializedType.class && PersonalDataEvent.class.isAssignableFrom(payloadClass);
    }

    /** Applies {@code change} to every string value of a personal field, at any depth. */
    static void rewrite(JsonNode node, Function<String, String> change) {
        if (node instanceof ObjectNode object) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(object.properties());
            for (Map.Entry<String, JsonNode> field : fields) {
                if (PERSONAL_FIELDS.contains(field.getKey()) && field.getValue().isString()) {
                    object.put(field.getKey(), change.apply(field.getValue().asString()));
                } else {
                    rewrite(field.getValue(), change);
                }
            }
        } else if (node != null && node.isArray()) {
            for (JsonNode child : node) {
                rewrite(child, change);
            }
        }
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
