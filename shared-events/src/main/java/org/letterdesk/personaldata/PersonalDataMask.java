package org.letterdesk.personaldata;

import org.letterdesk.events.Sender;

/**
 * The masked forms of a sender's personal fields that every ordinary read shows (API.md, "Senders and personal
 * data"). A value already erased stays {@link #ERASED}.
 */
public final class PersonalDataMask {

    /** What every read shows where personal data was erased. */
    public static final String ERASED = "[已删除]";

    private PersonalDataMask() {
    }

    public static Sender mask(Sender sender) {
        if (sender == null) {
            return null;
        }
        return new Sender(sender.name(), sender.organization(), phone(sender.phone()), email(sender.email()),
                address(sender.address()), idNumber(sender.idNumber()));
    }

    /** The sender after erasure: name and organization kept, the four personal fields {@link #ERASED}. */
    public static Sender erased(Sender sender) {
        if (sender == null) {
            return null;
        }
        return new Sender(sender.name(), sender.organization(), erased(sender.phone()), erased(sender.email()),
                erased(sender.address()), erased(sender.idNumber()));
    }

    private static String erased(String value) {
        return value == null ? null : ERASED;
    }

    /** First 3 and last 4 digits: {@code 138****8000}. */
    public static String phone(String phone) {
        if (passThrough(phone)) {
            return phone;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.startsWith("86") && digits.length() == 13) {
            digits = digits.substring(2);
        }
        return digits.length() < 8 ? "****" : digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }

    /** First character and the domain: {@code z***@example.com}. */
    public static String email(String email) {
        if (passThrough(email)) {
            return email;
        }
        String value = email.strip();
        int at = value.lastIndexOf('@');
        return at < 1 ? "***" : value.charAt(0) + "***" + value.substring(at);
    }

    /** First 6 and last 4 characters: {@code 110105********1234}. */
    public static String idNumber(String idNumber) {
        if (passThrough(idNumber)) {
            return idNumber;
        }
        String value = idNumber.strip();
        return value.length() < 12 ? "****" : value.substring(0, 6) + "*".repeat(value.length() - 10)
                + value.substring(value.length() - 4);
    }

    /** First 6 characters then {@code ****}. */
    public static String address(String address) {
        if (passThrough(address)) {
            return address;
        }
        String value = address.strip();
        return value.codePointCount(0, value.length()) <= 6 ? "****"
                : value.substring(0, value.offsetByCodePoints(0, 6)) + "****";
    }

    /**
     * A reply's recipient as typed by staff: an e-mail address, a phone number or a postal address, masked as that
     * kind of field.
     */
    public static String recipient(String recipient) {
        if (passThrough(recipient)) {
            return recipient;
        }
        if (recipient.contains("@")) {
            return email(recipient);
        }
        return recipient.strip().matches("[+0-9 ()-]{7,}") ? phone(recipient) : address(recipient);
    }

    private static final java.util.regex.Pattern EMAIL_IN_TEXT =
            java.util.regex.Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

    /**
     * A free text from outside (a mail server's error or diagnostic) with every e-mail address in it masked: such
     * texts name the recipient, and they go to logs, tables and events.
     */
    public static String emailsIn(String text) {
        return text == null ? null
                : EMAIL_IN_TEXT.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(email(m.group())));
    }

    private static boolean passThrough(String value) {
        return value == null || value.isBlank() || ERASED.equals(value);
    }
}
