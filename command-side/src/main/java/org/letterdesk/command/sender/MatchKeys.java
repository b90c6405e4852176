package org.letterdesk.command.sender;

import org.letterdesk.events.Sender;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a sender is recognised again: normalised phone (Chinese mobile numbers with or without +86, spaces, dashes),
 * e-mail (case-insensitive) and ID number (居民身份证号码, its check digit validated at registration by
 * {@code intake.IdNumbers}). The match index holds only
 * hashes of these, never the values.
 */
public final class MatchKeys {

    private MatchKeys() {
    }

    /** The match keys of a sender: one per personal field given, as {@code KIND:sha256}. */
    public static List<String> of(Sender sender) {
        List<String> keys = new ArrayList<>();
        phone(sender.phone()).ifPresent(p -> keys.add(key("PHONE", p)));
        email(sender.email()).ifPresent(e -> keys.add(key("EMAIL", e)));
        idNumber(sender.idNumber()).ifPresent(i -> keys.add(key("ID", i)));
        return keys;
    }

    public static List<String> ofContact(String phone, String email) {
        return of(new Sender("", null, phone, email, null, null));
    }

    /** Digits only; a Chinese mobile number without its country code (+86, 0086, 86). */
    static Optional<String> phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return Optional.empty();
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.startsWith("0086") && digits.length() == 15) {
            digits = digits.substring(4);
        } else if (digits.startsWith("86") && digits.length() == 13 && digits.charAt(2) == '1') {
            digits = digits.substring(2);
        }
        return digits.length() < 5 ? Optional.empty() : Optional.of(digits);
    }

    static Optional<String> email(String email) {
        return email == null || email.isBlank() ? Optional.empty()
                : Optional.of(email.strip().toLowerCase(Locale.ROOT));
    }

    static Optional<String> idNumber(String idNumber) {
        return idNumber == null || idNumber.isBlank() ? Optional.empty()
                : Optional.of(idNumber.strip().toUpperCase(Locale.ROOT));
    }

    private static String key(String kind, String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("letterdesk-sender/" + kind + "/" + value).getBytes(StandardCharsets.UTF_8));
            return kind + ":" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
