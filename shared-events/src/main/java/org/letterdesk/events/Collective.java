package org.letterdesk.events;

/** A collective letter (集体来信/集体访): how many people it speaks for and who represents them. */
public record Collective(int people, String representative) {
}
