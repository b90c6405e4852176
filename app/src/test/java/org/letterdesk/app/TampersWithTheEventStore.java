package org.letterdesk.app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class that edits, deletes or inserts event rows in SQL behind the application's back. It restores
 * the rows afterwards, but the projections have already seen what it inserted, so such classes run after all the
 * others (see {@link TamperingTestsLast}): a rebuild compared with the live tables must not meet their traces.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface TampersWithTheEventStore {
}
