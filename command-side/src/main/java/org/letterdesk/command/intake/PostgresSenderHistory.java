package org.letterdesk.command.intake;

import org.letterdesk.events.Sender;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Sender keys of every registered letter in {@code sender_letter_key}: a SHA-256 of the normalised phone (digits
 * only, without a leading 86), e-mail (lower case) or ID number (upper case), so the table holds no personal data in
 * clear. A letter matches an earlier one when any key is shared.
 */
@Component
class PostgresSenderHistory implements SenderHistory {

    private final JdbcTemplate jdbc;

    PostgresSenderHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int countEarlierAndRecord(String letterId, Sender sender) {
        List<String> keys = keys(sender);
        if (keys.isEmpty()) {
            return 0;
        }
        String in = String.join(",", keys.stream().map(k -> "?").toList());
        Integer earlier = jdbc.queryForObject("SELECT count(DISTINCT letter_id) FROM sender_letter_key WHERE "
                + "sender_key IN (" + in + ") AND letter_id <> ?", Integer.class, params(keys, letterId));
        for (String key : keys) {
            jdbc.update("INSERT INTO sender_letter_key (sender_key, letter_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    key, letterId);
        }
        return earlier == null ? 0 : earlier;
    }

    static List<String> keys(Sender sender) {
        List<String> keys = new ArrayList<>();
        if (sender.phone() != null) {
            String digits = sender.phone().replaceAll("[^0-9]", "");
            if (digits.startsWith("86") && digits.length() == 13) {
                digits = digits.substring(2);
            }
            if (!digits.isEmpty()) {
                keys.add(hash("phone:" + digits));
            }
        }
        if (sender.email() != null && !sender.email().isBlank()) {
            keys.add(hash("email:" + sender.email().strip().toLowerCase(Locale.ROOT)));
        }
        if (sender.idNumber() != null && !sender.idNumber().isBlank()) {
            keys.add(hash("id:" + sender.idNumber().strip().toUpperCase(Locale.ROOT)));
        }
        return keys;
    }

    private static Object[] params(List<String> keys, String letterId) {
        List<Object> params = new ArrayList<>(keys);
        params.add(letterId);
        return params.toArray();
    }

    private static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
