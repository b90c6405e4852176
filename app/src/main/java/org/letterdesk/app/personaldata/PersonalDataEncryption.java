package org.letterdesk.app.personaldata;

import org.axonframework.serialization.Serializer;
import org.letterdesk.command.sender.PersonalDataCipher;
import org.letterdesk.command.sender.SenderKeys;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.function.Supplier;

/**
 * Wraps Axon's event serializer (bean {@code eventSerializer}) in the {@link PersonalDataSerializer}, so the event
 * store, the processors and the bulk replay all go through it. {@code letterdesk.personal-data.encryption=false}
 * turns it off (only for measuring its cost: events stored then hold clear personal data).
 */
@Component
class PersonalDataEncryption implements BeanPostProcessor {

    static final String EVENT_SERIALIZER = "eventSerializer";

    private final ObjectProvider<SenderKeys> keys;
    private final boolean enabled;

    PersonalDataEncryption(ObjectProvider<SenderKeys> keys, Environment environment) {
        this.keys = keys;
        this.enabled = environment.getProperty("letterdesk.personal-data.encryption", Boolean.class, true);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (enabled && EVENT_SERIALIZER.equals(beanName) && bean instanceof Serializer serializer
                && !(bean instanceof PersonalDataSerializer)) {
            return new PersonalDataSerializer(serializer, memoized(() -> new PersonalDataCipher(keys.getObject())));
        }
        return bean;
    }

    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    v = supplier.get();
                    value = v;
                }
                return v;
            }
        };
    }
}
