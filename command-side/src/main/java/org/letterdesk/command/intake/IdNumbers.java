package org.letterdesk.command.intake;

import java.util.Locale;

/** Resident ID numbers (居民身份证号码): 17 digits and a check digit (GB 11643, ISO 7064 MOD 11-2). */
public final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private IdNumbers() {
    }

    /** Whether the number is an 18-character resident ID whose check digit is right (a lower-case x accepted). */
    public static boolean valid(String idNumber) {
        String id = idNumber.strip().toUpperCase(Locale.ROOT);
        if (!id.matches("[0-9]{17}[0-9X]")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11) == id.charAt(17);
    }
}
