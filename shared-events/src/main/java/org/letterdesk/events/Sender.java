package org.letterdesk.events;

/** Who wrote, called or visited. Phone, e-mail, address and ID number are confidential. */
public record Sender(String name, String organization, String phone, String email, String address,
                     String idNumber) {
}
