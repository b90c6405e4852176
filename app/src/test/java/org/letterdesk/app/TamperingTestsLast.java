package org.letterdesk.app;

import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

import java.util.Comparator;

/** Keeps the discovered order, but moves the classes marked {@link TampersWithTheEventStore} to the end. */
public class TamperingTestsLast implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparing(
                (ClassDescriptor descriptor) -> descriptor.isAnnotated(TampersWithTheEventStore.class)));
    }
}
