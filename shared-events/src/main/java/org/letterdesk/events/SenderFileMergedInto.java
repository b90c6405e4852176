package org.letterdesk.events;

/** This file was merged into another one; its history stays, new letters go to the other file. */
public record SenderFileMergedInto(String senderId, String intoSenderId) implements SenderEvent {
}
